package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeFailure;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/**
 * An error the service answers with, thrown anywhere: its kind, Stripe-style code and parameter are fields, and its
 * problem body is built from them once. Spring MVC's handler and the filters render it unchanged.
 */
public class ApiException extends ErrorResponseException {

    private static final Duration RETRY_SOON = Duration.ofSeconds(1);

    private final ProblemType type;

    private final String code;

    private @Nullable String upstreamRequestId;

    private ApiException(
            ProblemType type, String code, String message, @Nullable String param, List<ParameterError> errors) {
        super(type.status(), Problems.body(type, code, message, param, errors), null);
        this.type = type;
        this.code = code;
    }

    /** An error of {@code type} with its default code. */
    public static ApiException of(ProblemType type, String message) {
        return new ApiException(type, type.code(), message, null, List.of());
    }

    public static ApiException of(ProblemType type, String code, String message, @Nullable String param) {
        return new ApiException(type, code, message, param, List.of());
    }

    /** A 400 listing every bad parameter; the {@code error} member describes the first. */
    public static ApiException invalidParameters(List<ParameterError> errors) {
        ParameterError first = errors.get(0);
        String message = (errors.size() == 1)
                ? first.message()
                : first.message() + " (and " + (errors.size() - 1) + " more problems, listed in errors)";
        return new ApiException(ProblemType.INVALID_PARAMETERS, first.code(), message, first.param(), errors);
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
            case RATE_LIMITED ->
                of(type, "Stripe is rate limiting this service. Retry later.").retryAfter(RETRY_SOON);
            case UNAVAILABLE ->
                of(type, "Stripe could not be reached. Retry later.").retryAfter(RETRY_SOON);
            case SATURATED ->
                of(type, "Too many calls to Stripe are in flight. Retry shortly.")
                        .retryAfter(RETRY_SOON);
            case TIMEOUT -> of(type, "Stripe did not answer in time. Retry later.");
            case NOT_FOUND, ERROR -> of(type, "Stripe answered with an error. The error has been logged.");
        };
        answer.upstreamRequestId = failure.requestId();
        return answer;
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
}
