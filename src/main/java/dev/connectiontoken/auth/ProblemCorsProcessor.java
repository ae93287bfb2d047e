package dev.connectiontoken.auth;

import dev.connectiontoken.error.ProblemResponseWriter;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.Problems;
import java.io.IOException;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, with a refused origin answered in the problem shape rather than a bare text 403. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemResponseWriter writer;

    ProblemCorsProcessor(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (!(response instanceof ServletServerHttpResponse servlet)) {
            super.rejectRequest(response);
            return;
        }
        this.writer.write(
                null,
                servlet.getServletResponse(),
                Problems.problem(
                        ProblemType.FORBIDDEN,
                        "cors_origin_not_allowed",
                        "This origin may not call the service from a browser (CORS).",
                        null));
    }
}
