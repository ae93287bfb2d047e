package dev.connectiontoken.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.connectiontoken.stripe.StripeMode;
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
}
