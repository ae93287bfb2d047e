package dev.connectiontoken.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one factory for error bodies. Each body carries the RFC 9457 members and a Stripe-style {@code error} member,
 * so the Terminal SDK example apps can show {@code error.message}; validation problems add {@code errors}.
 */
public final class Problems {

    static final String NOT_FOUND_DETAIL =
            "No endpoint at this path. Connection tokens are minted by POST /connection_token.";

    /** The MDC key and body member of the request id (set by {@code RequestIdFilter}). */
    static final String REQUEST_ID = "request_id";

    private Problems() {}

    public static ApiException exception(ProblemType type, String message) {
        return exception(type, type.code(), message, null, null);
    }

    public static ApiException exception(
            ProblemType type, String code, String message, @Nullable String param, @Nullable Throwable cause) {
        return new ApiException(problem(type, code, message, param), cause);
    }

    /** A 400 listing every bad parameter; the {@code error} member describes the first. */
    public static ApiException invalidParameters(List<ParameterError> errors) {
        ParameterError first = errors.get(0);
        String message = (errors.size() == 1)
                ? first.message()
                : first.message() + " (and " + (errors.size() - 1) + " more problems, listed in errors)";
        ProblemDetail body = problem(ProblemType.INVALID_PARAMETERS, first.code(), message, first.param());
        body.setProperty("errors", List.copyOf(errors));
        return new ApiException(body, null);
    }

    public static ProblemDetail problem(ProblemType type, String code, String message, @Nullable String param) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), message);
        body.setType(type.type());
        body.setTitle(type.title());
        body.setProperty("error", stripeError(type, code, message, param));
        addRequestId(body);
        return body;
    }

    /** A body for a status the servlet container chose, with a detail that says no more than the status. */
    public static ProblemDetail forStatus(int status) {
        return forStatus(status, containerDetail(status));
    }

    /** A body for a status chosen by the framework or the servlet container, with a detail safe to show. */
    public static ProblemDetail forStatus(int status, String detail) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setDetail(detail);
        return complete(body);
    }

    /** Gives a framework-made body our type, title and {@code error} member, keeping its status and detail. */
    public static ProblemDetail complete(ProblemDetail body) {
        if (body.getProperties() != null && body.getProperties().containsKey("error")) {
            return body;
        }
        ProblemType type = ProblemType.forStatus(body.getStatus());
        String detail = (body.getDetail() != null) ? body.getDetail() : type.title();
        body.setType(type.type());
        body.setTitle(isGeneric(type) ? reasonPhrase(body.getStatus()) : type.title());
        body.setDetail(detail);
        body.setProperty("error", stripeError(type, type.code(), detail, null));
        addRequestId(body);
        return body;
    }

    /** The body's members in the order MVC writes them, for code that writes JSON outside MVC. */
    public static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
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

    private static String containerDetail(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND_DETAIL;
            case 405 -> "This method is not allowed here. Connection tokens are minted by POST /connection_token.";
            case 408 -> "The request was not received in time.";
            case 413 -> "The request is too large.";
            case 414 -> "The request target is too long.";
            case 431 -> "The request headers are too large.";
            default -> (status < 500) ? "The request could not be read." : "The service failed unexpectedly.";
        };
    }

    /** The request id set by the request-id filter, so a caller can quote it and an operator find the log lines. */
    private static void addRequestId(ProblemDetail body) {
        String requestId = MDC.get(REQUEST_ID);
        if (requestId != null) {
            body.setProperty(REQUEST_ID, requestId);
        }
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
