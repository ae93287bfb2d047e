package dev.connectiontoken.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.connectiontoken.ConnectionTokenApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The real application refuses a key that cannot work, with Boot's bind report naming the rule, never the key. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidStripeKeyStartupIntegrationTests {

    @ParameterizedTest
    @ValueSource(strings = {"pk_test_51AbCdEf0123456789", "sk_test_51AbCdEf0123456789 ", "x51AbCdEf"})
    void startupWithUnusableKeyIsRefusedWithOneLineReason(String key, CapturedOutput output) {
        assertThatException()
                .isThrownBy(() -> SpringApplication.run(
                        ConnectionTokenApplication.class, "--server.port=0", "--STRIPE_SECRET_KEY=" + key));

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Reason: STRIPE_SECRET_KEY must be a secret key (sk_test_..., sk_live_...)")
                .doesNotContain(key.strip(), "51AbCdEf");
    }
}
