package dev.connectiontoken.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem body from code that runs before Spring MVC (security and rate-limit filters), where the MVC
 * exception handler cannot help: the same body and headers as {@link ProblemDetailsExceptionHandler} would write.
 */
@Component
public class ProblemResponseWriter {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException ex) throws IOException {
        ex.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
        write(request, response, ex.getBody());
    }

    /** Writes the body; {@code request} gives the {@code instance} member and may be null where it is unknown. */
    public void write(@Nullable HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (request != null && problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException ex) {
                // A path that is not a valid URI reference: leave the optional member out.
            }
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(this.mapper.writeValueAsString(Problems.toMap(problem)));
    }
}
