package dev.connectiontoken.error;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error with its finished problem body, thrown anywhere and rendered unchanged by the MVC error handler. */
public class ApiException extends ErrorResponseException {

    private @Nullable String upstreamRequestId;

    ApiException(ProblemDetail body, @Nullable Throwable cause) {
        super(HttpStatusCode.valueOf(body.getStatus()), body, cause);
    }

    /** The request id of the upstream call (Stripe's {@code Request-Id}) that caused this error, for the logs. */
    public @Nullable String upstreamRequestId() {
        return this.upstreamRequestId;
    }

    public ApiException upstreamRequestId(@Nullable String requestId) {
        this.upstreamRequestId = requestId;
        return this;
    }

    /** The Stripe-style {@code error.code} of the body. */
    public String code() {
        Object error =
                (getBody().getProperties() != null) ? getBody().getProperties().get("error") : null;
        return (error instanceof java.util.Map<?, ?> map && map.get("code") instanceof String code) ? code : "error";
    }

    /**
     * A bounded value for a metric tag: the code answered, except that Stripe's own codes, passed through to the
     * caller, all count as {@code stripe_rejected_parameters}.
     */
    public String metricReason() {
        return ProblemType.STRIPE_REJECTED_PARAMETERS.type().equals(getBody().getType())
                ? "stripe_rejected_parameters"
                : code();
    }

    /** Adds {@code Retry-After} in whole seconds, rounded up so that a client never retries too early. */
    public ApiException retryAfter(Duration delay) {
        long seconds = Math.max(1, (delay.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return this;
    }
}
