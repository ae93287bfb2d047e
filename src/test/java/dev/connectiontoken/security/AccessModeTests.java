package dev.connectiontoken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.connectiontoken.stripe.StripeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Secure by default, graded by the Stripe key. */
@ExtendWith(OutputCaptureExtension.class)
class AccessModeTests {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("management.server.port", "8081")
            .withProperty(AccessMode.JWT_ISSUER, "https://idp.example.com/")
            .withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "pos");

    @Test
    void liveKeyWithoutAuthenticationIsRefused() {
        assertThatExceptionOfType(FailureAnalyzedException.class)
                .isThrownBy(() -> AccessMode.check(StripeMode.LIVE, 0, false, this.environment))
                .withMessageContaining("anyone could mint live connection tokens");
    }

    @Test
    void liveKeyWithClientsOrJwtRequiresAuthentication() {
        assertThat(AccessMode.check(StripeMode.LIVE, 1, false, this.environment))
                .isTrue();
        assertThat(AccessMode.check(StripeMode.LIVE, 0, true, this.environment)).isTrue();
    }

    @Test
    void testKeyWithoutAuthenticationIsOpenWithLoudWarning(CapturedOutput output) {
        assertThat(AccessMode.check(StripeMode.TEST, 0, false, this.environment))
                .isFalse();
        assertThat(output).contains("WARN").contains("OPEN ACCESS");
    }

    @Test
    void offlineWithoutAuthenticationIsOpen() {
        assertThat(AccessMode.check(StripeMode.OFFLINE, 0, false, this.environment))
                .isFalse();
    }

    @Test
    void anyConfiguredCallerMakesEveryModeAuthenticate() {
        assertThat(AccessMode.check(StripeMode.OFFLINE, 2, false, this.environment))
                .isTrue();
        assertThat(AccessMode.check(StripeMode.TEST, 0, true, this.environment)).isTrue();
    }

    @Test
    void liveKeyWithManagementOnTheApiPortIsRefused() {
        this.environment.setProperty("management.server.port", "8080");

        assertThatExceptionOfType(FailureAnalyzedException.class)
                .isThrownBy(() -> AccessMode.check(StripeMode.LIVE, 1, false, this.environment))
                .withMessageContaining("share the API port");
    }

    @Test
    void forwardedHeadersAreOffUnlessOptedIn() {
        assertThatNoException().isThrownBy(() -> AccessMode.check(StripeMode.OFFLINE, 0, false, this.environment));
        this.environment.setProperty("server.forward-headers-strategy", "none");
        assertThatNoException().isThrownBy(() -> AccessMode.check(StripeMode.OFFLINE, 0, false, this.environment));
        this.environment.setProperty("server.forward-headers-strategy", " NATIVE ");
        this.environment.setProperty("server.tomcat.remoteip.internal-proxies", "10\\.0\\.3\\.\\d+");

        assertThatNoException().isThrownBy(() -> AccessMode.check(StripeMode.OFFLINE, 0, false, this.environment));
    }

    @Test
    void nativeForwardedHeadersWithoutNamedProxiesAreRefused() {
        this.environment.setProperty("server.forward-headers-strategy", "native");

        assertThatExceptionOfType(FailureAnalyzedException.class)
                .isThrownBy(() -> AccessMode.check(StripeMode.OFFLINE, 0, false, this.environment))
                .withMessageContaining("every private address")
                .satisfies((ex) ->
                        assertThat(ex.analysis().getAction()).contains("server.tomcat.remoteip.internal-proxies"));
    }

    @Test
    void frameworkForwardedHeadersAreRefused() {
        this.environment.setProperty("server.forward-headers-strategy", "framework");
        this.environment.setProperty("server.tomcat.remoteip.internal-proxies", "10\\.0\\.3\\.\\d+");

        assertThatExceptionOfType(FailureAnalyzedException.class)
                .isThrownBy(() -> AccessMode.check(StripeMode.OFFLINE, 0, false, this.environment))
                .withMessageContaining("from any caller");
    }

    @Test
    void jwtWithoutAnAudienceIsRefused() {
        MockEnvironment noAudience =
                new MockEnvironment().withProperty(AccessMode.JWT_ISSUER, "https://idp.example.com/");

        assertThatExceptionOfType(FailureAnalyzedException.class)
                .isThrownBy(() -> AccessMode.check(StripeMode.OFFLINE, 0, true, noAudience))
                .withMessageContaining("no audience is required");
    }

    @Test
    void jwtWithoutAnIssuerIsRefused() {
        this.environment.setProperty(AccessMode.JWT_ISSUER, " ");

        assertThatExceptionOfType(FailureAnalyzedException.class)
                .isThrownBy(() -> AccessMode.check(StripeMode.OFFLINE, 0, true, this.environment))
                .withMessageContaining("no issuer is configured");
    }
}
