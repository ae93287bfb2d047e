package dev.connectiontoken.stripe;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configured Stripe key that cannot work, or not safely; its message is one line and never contains the key. */
class InvalidStripeKeyException extends IllegalStateException {

    static final String SET_A_SECRET_KEY = "Set STRIPE_SECRET_KEY to a secret key (sk_test_... or sk_live_...) or a"
            + " restricted key (rk_...) from the Stripe dashboard, or unset it to run in offline mode.";

    private final String action;

    InvalidStripeKeyException(String message) {
        this(message, SET_A_SECRET_KEY);
    }

    InvalidStripeKeyException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** Turns the refusal into Boot's short startup report instead of a stack trace. */
    static class Analyzer extends AbstractFailureAnalyzer<InvalidStripeKeyException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, InvalidStripeKeyException cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
