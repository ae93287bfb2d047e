package dev.connectiontoken.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeModeTests {

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankKeyMeansOffline(String key) {
        assertThat(StripeMode.of(key)).isEqualTo(StripeMode.OFFLINE);
        assertThat(StripeMode.of(null)).isEqualTo(StripeMode.OFFLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_test_51AbCdEf0123456789", "rk_test_51AbCdEf0123456789"})
    void testKeysMeanTestMode(String key) {
        assertThat(StripeMode.of(key)).isEqualTo(StripeMode.TEST);
    }

    @Test
    void liveKeysMeanLiveMode() {
        assertThat(StripeMode.of("sk_" + "live_51AbCdEf0123456789")).isEqualTo(StripeMode.LIVE);
        assertThat(StripeMode.of("rk_" + "live_51AbCdEf0123456789")).isEqualTo(StripeMode.LIVE);
    }

    @Test
    void publishableKeyIsRefusedWithoutEchoingIt() {
        String key = "pk_test_51AbCdEf0123456789";

        assertThatExceptionOfType(InvalidStripeKeyException.class)
                .isThrownBy(() -> StripeMode.of(key))
                .withMessageContaining("publishable key")
                .withMessageNotContaining(key)
                .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sk_test_",
                "sk_prod_51AbCdEf0123456789",
                "whsec_51AbCdEf0123456789",
                "sk_test_51AbCdEf0123456789\n",
                " sk_test_51AbCdEf0123456789",
                "51AbCdEf0123456789"
            })
    void malformedKeyIsRefusedWithoutEchoingIt(String key) {
        assertThatExceptionOfType(InvalidStripeKeyException.class)
                .isThrownBy(() -> StripeMode.of(key))
                .withMessageContaining("STRIPE_SECRET_KEY is not a Stripe secret key")
                .withMessageNotContaining("51AbCdEf");
    }
}
