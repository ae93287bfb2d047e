package dev.connectiontoken.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The one writer of error JSON, so that every error has the same members in the same order, whoever raised it. */
@Component
public class ProblemWriter {

    /** The MDC key, request attribute and body member of the request id. */
    static final String REQUEST_ID = "request_id";

    private final JsonMapper mapper;

    public ProblemWriter(JsonMapper mapper) {
        this.mapper =
                mapper.rebuild().addMixIn(ProblemDetail.class, RfcOrder.class).build();
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException ex) throws IOException {
        write(request.getRequestURI(), response, ex.getBody(), ex.getHeaders());
    }

    public void write(@Nullable String path, HttpServletResponse response, ProblemDetail body, HttpHeaders headers)
            throws IOException {
        ProblemDetail problem = (body.getProperties() == null) ? ApiException.complete(body) : body;
        if (path != null && problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException ex) {
                // Not a valid URI reference: leave the optional member out.
            }
        }
        String requestId = MDC.get(REQUEST_ID);
        if (requestId != null) {
            problem.setProperty(REQUEST_ID, requestId);
        }
        headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
        response.getWriter().write(this.mapper.writeValueAsString(problem));
    }

    /** The members in the order RFC 9457 lists them, then ours ({@code properties}, flattened). */
    @JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
    private interface RfcOrder extends ProblemDetailJacksonMixin {}
}
