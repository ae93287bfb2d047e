package dev.connectiontoken.error;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/**
 * An error the service answers with, thrown anywhere: its kind, Stripe-style code and parameter are fields, and its
 * problem body is built from them once ({@link Problems}). MVC's handler and the filters render it unchanged.
 */
public class ApiException extends ErrorResponseException {

    private final ProblemType type;

    private final String code;

    private @Nullable String upstreamRequestId;

    ApiException(
            ProblemType type,
            String code,
            String message,
            @Nullable String param,
            List<ParameterError> errors,
            @Nullable Throwable cause) {
        super(type.status(), Problems.body(type, code, message, param, errors), cause);
        this.type = type;
        this.code = code;
    }

    public ProblemType type() {
        return this.type;
    }

    /** The Stripe-style {@code error.code}: one of {@link ErrorCode}, or Stripe's own for its parameter errors. */
    public String code() {
        return this.code;
    }

    /**
     * A bounded value for a metric tag: the code, except that Stripe's own codes, passed through to the caller, all
     * count as {@code stripe_rejected_parameters}.
     */
    public String metricReason() {
        return (this.type == ProblemType.STRIPE_REJECTED_PARAMETERS) ? "stripe_rejected_parameters" : this.code;
    }

    /** The request id of the upstream call (Stripe's {@code Request-Id}) that caused this error, for the logs. */
    public @Nullable String upstreamRequestId() {
        return this.upstreamRequestId;
    }

    public ApiException upstreamRequestId(@Nullable String requestId) {
        this.upstreamRequestId = requestId;
        return this;
    }

    /** Adds {@code Retry-After} in whole seconds, rounded up so that a client never retries too early. */
    public ApiException retryAfter(Duration delay) {
        long seconds = Math.max(1, (delay.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return this;
    }
}
