package dev.connectiontoken.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configuration that would let callers mint tokens they should not; its message and action are one line each. */
class InsecureConfigurationException extends IllegalStateException {

    private final String action;

    InsecureConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** Turns the refusal into Boot's short startup report instead of a stack trace. */
    static class Analyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
