package dev.connectiontoken.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of error JSON, for the MVC exception handler, the filters that run before MVC and the container's
 * error paths alike, so that every error has the same members in the same order whoever raised it.
 */
@Component
public class ProblemWriter {

    /** The MDC key and body member of the request id. */
    static final String REQUEST_ID = "request_id";

    private final JsonMapper mapper;

    public ProblemWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException ex) throws IOException {
        write(request.getRequestURI(), response, ex.getBody(), ex.getHeaders());
    }

    /** Writes the status, headers and body, with {@code path} (when given) as the {@code instance} member. */
    public void write(@Nullable String path, HttpServletResponse response, ProblemDetail problem, HttpHeaders headers)
            throws IOException {
        if (path != null && problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException ex) {
                // Not a valid URI reference: leave the optional member out.
            }
        }
        headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(this.mapper.writeValueAsString(toMap(problem)));
    }

    /** A body for a status the framework or the servlet container chose, with a detail that says no more. */
    static ProblemDetail forStatus(int status) {
        String mint = " Connection tokens are minted by POST " + Endpoints.CONNECTION_TOKEN + ".";
        String detail = switch (status) {
            case 404 -> "No endpoint at this path." + mint;
            case 405 -> "This method is not allowed here." + mint;
            case 408 -> "The request was not received in time.";
            case 413 -> "The request is too large.";
            case 414 -> "The request target is too long.";
            case 431 -> "The request headers are too large.";
            default -> (status < 500) ? "The request could not be read." : "The service failed unexpectedly.";
        };
        return complete(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail));
    }

    /** Gives a framework-made body our type, title and members, keeping its status and detail. */
    static ProblemDetail complete(ProblemDetail body) {
        if (body.getProperties() != null && body.getProperties().containsKey("error")) {
            return body;
        }
        ProblemType type = ProblemType.forStatus(body.getStatus());
        HttpStatus status = HttpStatus.resolve(body.getStatus());
        boolean generic = (type == ProblemType.BAD_REQUEST || type == ProblemType.INTERNAL_ERROR);
        body.setType(type.type());
        body.setTitle(!generic ? type.title() : (status != null) ? status.getReasonPhrase() : "Error");
        body.setDetail((body.getDetail() != null) ? body.getDetail() : type.title());
        ApiException.addMembers(body, type, type.code(), null, List.of());
        return body;
    }

    /** The members in the order RFC 9457 lists them, then ours. */
    static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
