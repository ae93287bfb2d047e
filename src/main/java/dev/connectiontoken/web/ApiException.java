package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeFailure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the service answers with, thrown anywhere. Its body carries the RFC 9457 members and a Stripe-style
 * {@code error} member, so that the Terminal SDK example apps can show {@code error.message}.
 */
public class ApiException extends ErrorResponseException {

    private final ProblemType type;
    private final String code;
    private @Nullable String upstreamRequestId;

    private ApiException(
            ProblemType type, String code, String message, @Nullable String param, List<ParameterError> errors) {
        super(type.status(), ProblemDetail.forStatusAndDetail(type.status(), message), null);
        this.type = type;
        this.code = code;
        getBody().setType(type.type());
        getBody().setTitle(type.title());
        addMembers(getBody(), type, code, param, errors);
    }

    public static ApiException of(ProblemType type, String message) {
        return new ApiException(type, type.code(), message, null, List.of());
    }

    public static ApiException of(ProblemType type, String code, String message, @Nullable String param) {
        return new ApiException(type, code, message, param, List.of());
    }

    /** A 400 listing every bad parameter; the {@code error} member describes the first. */
    public static ApiException invalidParameters(List<ParameterError> errors) {
        ParameterError first = errors.get(0);
        String more = (errors.size() == 1) ? "" : " (and " + (errors.size() - 1) + " more problems, listed in errors)";
        return new ApiException(
                ProblemType.INVALID_PARAMETERS, first.code(), first.message() + more, first.param(), errors);
    }

    /** Our answer to a failed Stripe call. Only Stripe's word on the caller's own parameters reaches the caller. */
    public static ApiException from(StripeFailure failure) {
        ProblemType type = ProblemType.of(failure.kind());
        ApiException answer = switch (failure.kind()) {
            case REJECTED_PARAMETERS ->
                of(type, String.valueOf(failure.code()), String.valueOf(failure.getMessage()), failure.param());
            case MISCONFIGURED ->
                of(
                        type,
                        "Stripe refused this service's credentials. This is a server configuration problem;"
                                + " retrying will not help.");
            case RATE_LIMITED -> of(type, "Stripe is rate limiting this service. Retry later.");
            case UNAVAILABLE -> of(type, "Stripe could not be reached. Retry later.");
            case SATURATED -> of(type, "Too many calls to Stripe are in flight. Retry shortly.");
            case TIMEOUT -> of(type, "Stripe did not answer in time. Retry later.");
            case NOT_FOUND, ERROR -> of(type, "Stripe answered with an error. The error has been logged.");
        };
        answer.upstreamRequestId = failure.requestId();
        return (type.status() == HttpStatus.SERVICE_UNAVAILABLE) ? answer.retryAfter(Duration.ofSeconds(1)) : answer;
    }

    public ProblemType type() {
        return this.type;
    }

    /** The Stripe-style {@code error.code}: the type's own, or Stripe's for its parameter errors. */
    public String code() {
        return this.code;
    }

    /** A bounded value for a metric tag: Stripe's own codes all count as {@code stripe_rejected_parameters}. */
    public String metricReason() {
        return (this.type == ProblemType.STRIPE_REJECTED_PARAMETERS) ? "stripe_rejected_parameters" : this.code;
    }

    /** Stripe's {@code Request-Id} of the call that caused this error, for the logs. */
    public @Nullable String upstreamRequestId() {
        return this.upstreamRequestId;
    }

    /** Adds {@code Retry-After} in whole seconds, rounded up so that a client never retries too early. */
    public ApiException retryAfter(Duration delay) {
        long seconds = Math.max(1, (delay.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return this;
    }

    /** Adds the {@code error} member, the {@code errors} and the request id, which a caller can quote. */
    static void addMembers(
            ProblemDetail body, ProblemType type, String code, @Nullable String param, List<ParameterError> errors) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("type", type.status().is4xxClientError() ? "invalid_request_error" : "api_error");
        error.put("code", code);
        error.put("message", String.valueOf(body.getDetail()));
        if (param != null) {
            error.put("param", param);
        }
        body.setProperty("error", error);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        String requestId = MDC.get(ProblemWriter.REQUEST_ID);
        if (requestId != null) {
            body.setProperty(ProblemWriter.REQUEST_ID, requestId);
        }
    }
}
