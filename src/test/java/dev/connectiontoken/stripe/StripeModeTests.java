package dev.connectiontoken.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pk_test_51AbCdEf0123456789",
                "sk_test_",
                "sk_prod_51AbCdEf0123456789",
                "whsec_51AbCdEf0123456789",
                "sk_test_51AbCdEf0123456789\n",
                " sk_test_51AbCdEf0123456789",
                "51AbCdEf0123456789"
            })
    void unusableKeyIsRefusedByThePropertiesWithoutEchoingIt(String key) {
        StripeProperties properties = new StripeProperties(
                key, "https://api.stripe.com", Duration.ofSeconds(2), Duration.ofSeconds(4), 1, 300, null, false);

        assertThat(properties.isSecretKeyUsable()).isFalse();
        assertThat(properties.toString()).doesNotContain("51AbCdEf");
    }

    @Test
    void liveKeyOverPlainHttpIsRefusedAndTestKeyIsNot() {
        String live = "sk_" + "live_51AbCdEf0123456789";

        assertThat(new StripeProperties(
                                live, "http://proxy", Duration.ofSeconds(2), Duration.ofSeconds(4), 1, 300, null, false)
                        .isLiveKeySentOverHttps())
                .isFalse();
        assertThat(new StripeProperties(
                                "sk_test_51AbCdEf0123456789",
                                "http://proxy",
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(4),
                                1,
                                300,
                                null,
                                false)
                        .isLiveKeySentOverHttps())
                .isTrue();
    }
}
