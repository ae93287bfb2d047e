package dev.connectiontoken.stripe;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A call to Stripe that did not mint or find what was asked, in our terms: what kind of failure it was, never an HTTP
 * status (the web layer chooses that). Only a {@link Kind#REJECTED_PARAMETERS} carries Stripe's own message, because it
 * is about the caller's input; every other message is ours.
 */
public class StripeFailure extends RuntimeException {

    private final Kind kind;

    private final @Nullable String code;

    private final @Nullable String param;

    private final @Nullable String requestId;

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

    /** What kind of failure; the web layer chooses the status. */
    public Kind kind() {
        return this.kind;
    }

    /** Stripe's {@code error.code}, for a rejected parameter. */
    public @Nullable String code() {
        return this.code;
    }

    /** The parameter Stripe rejected. */
    public @Nullable String param() {
        return this.param;
    }

    /** Stripe's {@code Request-Id} for the failed call, for the logs. */
    public @Nullable String requestId() {
        return this.requestId;
    }

    /** What went wrong with a call to Stripe. */
    public enum Kind {
        REJECTED_PARAMETERS, // Stripe refused a parameter the caller chose (location, expand)
        NOT_FOUND, // Stripe has no such object (a location deleted or on another account)
        MISCONFIGURED, // Stripe refused this service's key (authentication or permission)
        RATE_LIMITED,
        UNAVAILABLE, // Stripe could not be reached
        TIMEOUT, // Stripe did not connect or answer in time
        SATURATED, // too many calls to Stripe are in flight already
        ERROR; // anything else: an unexpected error or an answer we cannot read

        /** The {@code result} tag of {@code stripe.requests}, such as {@code stripe-rate-limited}. */
        public String tag() {
            return "stripe-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
