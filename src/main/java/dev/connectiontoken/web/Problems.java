package dev.connectiontoken.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds every error body. Each body carries the RFC 9457 members and a Stripe-style {@code error}
 * member, so the Terminal SDK example apps can show {@code error.message}; validation problems add {@code errors}.
 */
final class Problems {

    /** The MDC key and body member of the request id (set by {@code RequestIdFilter}). */
    static final String REQUEST_ID = "request_id";

    private Problems() {}

    /** A body for a status the framework or the servlet container chose, with a detail that says no more. */
    static ProblemDetail forStatus(int status) {
        return forStatus(status, containerDetail(status));
    }

    /** A body for a status chosen by the framework or the servlet container, with a detail safe to show. */
    static ProblemDetail forStatus(int status, String detail) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setDetail(detail);
        return complete(body);
    }

    /** Gives a framework-made body our type, title and {@code error} member, keeping its status and detail. */
    static ProblemDetail complete(ProblemDetail body) {
        if (body.getProperties() != null && body.getProperties().containsKey("error")) {
            return body;
        }
        ProblemType type = ProblemType.forStatus(body.getStatus());
        String detail = (body.getDetail() != null) ? body.getDetail() : type.title();
        body.setType(type.type());
        body.setTitle(isGeneric(type) ? reasonPhrase(body.getStatus()) : type.title());
        body.setDetail(detail);
        addMembers(body, type, type.code(), null, List.of());
        return body;
    }

    /**
     * An example body for the API description, built as real ones are, with a made-up request id.
     *
     * @param path the path of the example request
     */
    static Map<String, Object> example(ApiException ex, String path) {
        ProblemDetail body = ex.getBody();
        body.setInstance(java.net.URI.create(path));
        body.setProperty(REQUEST_ID, "3f2c1a9e-7b4d-4e0a-9c1f-2d8e5b6a7c90");
        return toMap(body);
    }

    /** The body's members in the order RFC 9457 lists them, then ours. */
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

    static ProblemDetail body(
            ProblemType type, String code, String message, @Nullable String param, List<ParameterError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), message);
        body.setType(type.type());
        body.setTitle(type.title());
        addMembers(body, type, code, param, errors);
        return body;
    }

    private static void addMembers(
            ProblemDetail body, ProblemType type, String code, @Nullable String param, List<ParameterError> errors) {
        body.setProperty("error", stripeError(type, code, String.valueOf(body.getDetail()), param));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        // The request id, so that a caller can quote it and an operator find the log lines.
        String requestId = MDC.get(REQUEST_ID);
        if (requestId != null) {
            body.setProperty(REQUEST_ID, requestId);
        }
    }

    private static String containerDetail(int status) {
        return switch (status) {
            case 404 ->
                "No endpoint at this path. Connection tokens are minted by POST " + Endpoints.CONNECTION_TOKEN + ".";
            case 405 ->
                "This method is not allowed here. Connection tokens are minted by POST " + Endpoints.CONNECTION_TOKEN
                        + ".";
            case 408 -> "The request was not received in time.";
            case 413 -> "The request is too large.";
            case 414 -> "The request target is too long.";
            case 431 -> "The request headers are too large.";
            default -> (status < 500) ? "The request could not be read." : "The service failed unexpectedly.";
        };
    }

    private static Map<String, String> stripeError(
            ProblemType type, String code, String message, @Nullable String param) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("type", type.errorType());
        error.put("code", code);
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        return error;
    }

    private static boolean isGeneric(ProblemType type) {
        return type == ProblemType.BAD_REQUEST || type == ProblemType.INTERNAL_ERROR;
    }

    private static String reasonPhrase(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        return (resolved != null) ? resolved.getReasonPhrase() : "Error";
    }
}
