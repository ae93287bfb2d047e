package dev.connectiontoken.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the live-key-without-authentication refusal into Boot's short startup report. */
class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Configure callers: connection-token.clients[0].id and .api-key-sha256 (API keys), or"
                        + " spring.security.oauth2.resourceserver.jwt.issuer-uri (JWT). See the README's Security section.",
                cause);
    }
}
