package dev.connectiontoken.stripe;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A failed call to Stripe in our terms: a kind, never an HTTP status (the web layer chooses that). Only a
 * {@link Kind#REJECTED_PARAMETERS} carries Stripe's own message, because it is about the caller's input.
 */
public class StripeFailure extends RuntimeException {

    private final Kind kind;
    private final @Nullable String code;
    private final @Nullable String param;
    private final @Nullable String requestId;
    private @Nullable Duration retryAfter;
    private Duration waited = Duration.ZERO;

    public StripeFailure(Kind kind, String message, @Nullable String requestId) {
        this(kind, message, null, null, requestId);
    }

    public StripeFailure(
            Kind kind, String message, @Nullable String code, @Nullable String param, @Nullable String requestId) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.param = param;
        this.requestId = requestId;
    }

    public Kind kind() {
        return this.kind;
    }

    public @Nullable String code() {
        return this.code;
    }

    public @Nullable String param() {
        return this.param;
    }

    public @Nullable String requestId() {
        return this.requestId;
    }

    /** When a retry can succeed, if this failure knows: the Stripe budget's next turn. */
    public @Nullable Duration retryAfter() {
        return this.retryAfter;
    }

    public StripeFailure retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    /** How long the call waited for its turn in the Stripe budget before it failed. */
    public Duration waited() {
        return this.waited;
    }

    public StripeFailure waited(Duration time) {
        this.waited = time;
        return this;
    }

    /** The rows of {@link StripeErrorTranslator}'s table, and the gateway's limit of calls in flight. */
    public enum Kind {
        REJECTED_PARAMETERS,
        NOT_FOUND,
        MISCONFIGURED,
        RATE_LIMITED,
        BUDGET_SPENT,
        UNAVAILABLE,
        TIMEOUT,
        SATURATED,
        ERROR;

        /** The {@code result} tag of {@code stripe.requests}, such as {@code stripe-rate-limited}. */
        public String tag() {
            return "stripe-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
