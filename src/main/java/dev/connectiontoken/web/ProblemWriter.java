package dev.connectiontoken.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of error JSON, with Boot's {@link JsonMapper}: used by the MVC exception handler, the filters that run
 * before MVC (security, CORS, rate limit), the {@code /error} controller and Tomcat's error report valve, so that every
 * error has the same bytes whoever raised it.
 */
@Component
public class ProblemWriter {

    private final JsonMapper mapper;

    public ProblemWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException ex) throws IOException {
        write(request.getRequestURI(), response, ex.getBody(), ex.getHeaders());
    }

    /**
     * Writes the status, headers and body.
     *
     * @param path the path the caller asked for, as the {@code instance} member; null leaves it out
     */
    public void write(@Nullable String path, HttpServletResponse response, ProblemDetail problem, HttpHeaders headers)
            throws IOException {
        if (path != null && problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException ex) {
                // A path that is not a valid URI reference: leave the optional member out.
            }
        }
        headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(this.mapper.writeValueAsString(Problems.toMap(problem)));
    }
}
