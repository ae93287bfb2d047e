package dev.connectiontoken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.connectiontoken.stripe.StripeMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Secure by default, graded by the Stripe key. */
@ExtendWith(OutputCaptureExtension.class)
class AccessModeTests {

    @Test
    void liveKeyWithoutAuthenticationIsRefused() {
        assertThatExceptionOfType(InsecureConfigurationException.class)
                .isThrownBy(() -> AccessMode.check(StripeMode.LIVE, 0, false))
                .withMessageContaining("anyone could mint live connection tokens");
    }

    @Test
    void liveKeyWithClientsOrJwtRequiresAuthentication() {
        assertThat(AccessMode.check(StripeMode.LIVE, 1, false)).isTrue();
        assertThat(AccessMode.check(StripeMode.LIVE, 0, true)).isTrue();
    }

    @Test
    void testKeyWithoutAuthenticationIsOpenWithLoudWarning(CapturedOutput output) {
        assertThat(AccessMode.check(StripeMode.TEST, 0, false)).isFalse();
        assertThat(output).contains("WARN").contains("OPEN ACCESS");
    }

    @Test
    void offlineWithoutAuthenticationIsOpen() {
        assertThat(AccessMode.check(StripeMode.OFFLINE, 0, false)).isFalse();
    }

    @Test
    void anyConfiguredCallerMakesEveryModeAuthenticate() {
        assertThat(AccessMode.check(StripeMode.OFFLINE, 2, false)).isTrue();
        assertThat(AccessMode.check(StripeMode.TEST, 0, true)).isTrue();
    }

    @Test
    void forwardedHeadersAreOffUnlessOptedIn() {
        AccessMode.checkForwardedHeaders(null, false);
        AccessMode.checkForwardedHeaders("none", false);
        AccessMode.checkForwardedHeaders("NATIVE", true);
    }

    @Test
    void nativeForwardedHeadersWithoutNamedProxiesAreRefused() {
        assertThatExceptionOfType(InsecureConfigurationException.class)
                .isThrownBy(() -> AccessMode.checkForwardedHeaders("native", false))
                .withMessageContaining("every private address")
                .satisfies((ex) -> assertThat(ex.action()).contains("server.tomcat.remoteip.internal-proxies"));
    }

    @Test
    void frameworkForwardedHeadersAreRefused() {
        assertThatExceptionOfType(InsecureConfigurationException.class)
                .isThrownBy(() -> AccessMode.checkForwardedHeaders("framework", true))
                .withMessageContaining("from any caller");
    }

    @Test
    void jwtWithoutAnAudienceIsRefused() {
        assertThatExceptionOfType(InsecureConfigurationException.class)
                .isThrownBy(() -> AccessMode.checkJwt(true, "https://idp.example.com/", List.of()))
                .withMessageContaining("no audience is required");
    }

    @Test
    void jwtWithoutAnIssuerIsRefused() {
        assertThatExceptionOfType(InsecureConfigurationException.class)
                .isThrownBy(() -> AccessMode.checkJwt(true, " ", List.of("pos")))
                .withMessageContaining("no issuer is configured");
        AccessMode.checkJwt(false, null, List.of());
        AccessMode.checkJwt(true, "https://idp.example.com/", List.of("pos"));
    }
}
