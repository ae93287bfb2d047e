package dev.connectiontoken.stripe;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused Stripe key into Boot's short startup report instead of a stack trace. */
public class InvalidStripeKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidStripeKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidStripeKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
