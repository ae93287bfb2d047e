package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeFailure;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error answer, thrown anywhere: RFC 9457 members and a Stripe-style {@code error} that Terminal SDK apps show. */
public class ApiException extends ErrorResponseException {

    private final ProblemType type;
    private final String code;
    private @Nullable String upstreamRequestId;
    private Duration waited = Duration.ZERO;

    private ApiException(ProblemType type, String code, String message, @Nullable String param) {
        super(type.status(), ProblemDetail.forStatusAndDetail(type.status(), message), null);
        this.type = type;
        this.code = code;
        getBody().setType(type.type());
        getBody().setTitle(type.title());
        Map<String, String> error = new LinkedHashMap<>();
        error.put("type", type.status().is4xxClientError() ? "invalid_request_error" : "api_error");
        error.put("code", code);
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        getBody().setProperty("error", error);
    }

    public static ApiException of(ProblemType type, String message) {
        return new ApiException(type, type.code(), message, null);
    }

    public static ApiException of(ProblemType type, String code, String message, @Nullable String param) {
        return new ApiException(type, code, message, param);
    }

    public static ApiException invalidParameters(List<ParameterError> errors) {
        ParameterError first = errors.get(0);
        String more = (errors.size() == 1) ? "" : " (and " + (errors.size() - 1) + " more problems, listed in errors)";
        ApiException ex = of(ProblemType.INVALID_PARAMETERS, first.code(), first.message() + more, first.param());
        ex.getBody().setProperty("errors", errors);
        return ex;
    }

    /** Our answer (and status) for a failed Stripe call: only Stripe's word on the caller's parameters reaches it. */
    public static ApiException from(StripeFailure failure) {
        ApiException answer = switch (failure.kind()) {
            case REJECTED_PARAMETERS ->
                of(
                        ProblemType.STRIPE_REJECTED_PARAMETERS,
                        String.valueOf(failure.code()),
                        String.valueOf(failure.getMessage()),
                        failure.param());
            case MISCONFIGURED ->
                of(
                        ProblemType.STRIPE_MISCONFIGURED,
                        "Stripe refused this service's credentials. This is a server configuration problem;"
                                + " retrying will not help.");
            case RATE_LIMITED ->
                of(
                        ProblemType.STRIPE_RATE_LIMITED,
                        "Stripe is rate limiting this service. Retry after the delay given.");
            case BUDGET_SPENT ->
                of(
                        ProblemType.STRIPE_BUDGET_SPENT,
                        "This service's budget of calls to Stripe has no room now. Retry after the delay given.");
            case UNAVAILABLE -> of(ProblemType.STRIPE_UNAVAILABLE, "Stripe could not be reached. Retry later.");
            case SATURATED ->
                of(ProblemType.STRIPE_SATURATED, "Too many calls to Stripe are in flight. Retry shortly.");
            case TIMEOUT -> of(ProblemType.STRIPE_TIMEOUT, "Stripe did not answer in time. Retry later.");
            case NOT_FOUND, ERROR ->
                of(ProblemType.STRIPE_ERROR, "Stripe answered with an error. The error has been logged.");
        };
        answer.upstreamRequestId = failure.requestId();
        answer.waited = failure.waited();
        Duration retryAfter = failure.retryAfter();
        return (answer.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE)
                ? answer.retryAfter((retryAfter != null) ? retryAfter : Duration.ofSeconds(1))
                : answer;
    }

    /** The Stripe-style {@code error.code}: the type's own, or Stripe's for its parameter errors. */
    public String code() {
        return this.code;
    }

    /** A bounded value for a metric tag: Stripe's own codes all count as {@code stripe_rejected_parameters}. */
    public String metricReason() {
        return (this.type == ProblemType.STRIPE_REJECTED_PARAMETERS) ? "stripe_rejected_parameters" : this.code;
    }

    /** How long the failed Stripe call waited for its turn in the budget; zero for every other refusal. */
    public Duration waited() {
        return this.waited;
    }

    /** For the logs, never the body. */
    public @Nullable String upstreamRequestId() {
        return this.upstreamRequestId;
    }

    /** Adds {@code Retry-After} in whole seconds, rounded up so that a client never retries too early. */
    public ApiException retryAfter(Duration delay) {
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (delay.toMillis() + 999) / 1000)));
        return this;
    }

    /** Gives a framework or container body our type and members, keeping its status, instance and detail. */
    static ProblemDetail complete(ProblemDetail body) {
        int status = body.getStatus();
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter((candidate) -> candidate.status().value() == status && status < 500)
                .findFirst()
                .orElse((status >= 400 && status < 500) ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL_ERROR);
        String mint = " Connection tokens are minted by POST " + Endpoints.CONNECTION_TOKEN + ".";
        // A 404's own detail names MVC's static resources, which mean nothing to a caller.
        String detail = (body.getDetail() != null && status != 404)
                ? body.getDetail()
                : switch (status) {
                    case 404 -> "No endpoint at this path." + mint;
                    case 405 -> "This method is not allowed here." + mint;
                    case 408 -> "The request was not received in time.";
                    case 413 -> "The request is too large.";
                    case 414 -> "The request target is too long.";
                    case 431 -> "The request headers are too large.";
                    default -> (status < 500) ? "The request could not be read." : "The service failed unexpectedly.";
                };
        ProblemDetail completed = of(type, detail).getBody();
        completed.setStatus(status);
        if (type == ProblemType.BAD_REQUEST || type == ProblemType.INTERNAL_ERROR) {
            // The catch-all types say no more than the status's own reason phrase.
            HttpStatus known = HttpStatus.resolve(status);
            completed.setTitle((known != null) ? known.getReasonPhrase() : "Error");
        }
        completed.setInstance(body.getInstance());
        return completed;
    }
}
