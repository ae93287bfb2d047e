package dev.connectiontoken.stripe;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused Stripe key into Boot's short startup report instead of a stack trace. */
class InvalidStripeKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidStripeKeyException> {

    static final String ACTION = "Set STRIPE_SECRET_KEY to a secret key (sk_test_... or sk_live_...) or a restricted"
            + " key (rk_...) from the Stripe dashboard, or unset it to run in offline mode.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidStripeKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), ACTION, cause);
    }
}
