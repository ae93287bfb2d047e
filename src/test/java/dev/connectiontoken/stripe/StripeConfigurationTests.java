package dev.connectiontoken.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.stripe.Stripe;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** How {@link StripeConfiguration} turns {@link StripeProperties} into a gateway, and which settings it refuses. */
@ExtendWith(OutputCaptureExtension.class)
class StripeConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(TestConfiguration.class)
            .withBean(ObservationRegistry.class, ObservationRegistry::create);

    @Test
    void noKeyMeansOfflineModeAndFakeTokens() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(StripeMode.class)).isEqualTo(StripeMode.OFFLINE);
            IssuedToken token = context.getBean(StripeTerminalGateway.class).createToken(null, List.of(), null);
            assertThat(token.offline()).isTrue();
            assertThat(token.secret()).startsWith("pst_test_offline_");
        });
    }

    @Test
    void testKeyMeansCallsToStripe() {
        this.runner
                .withPropertyValues(
                        "connection-token.stripe.secret-key=sk_test_51AbCdEf0123456789",
                        // Nothing listens on the discard port: the call fails at once, which shows it was made.
                        "connection-token.stripe.api-base=http://127.0.0.1:9",
                        "connection-token.stripe.max-network-retries=0")
                .run((context) -> {
                    assertThat(context.getBean(StripeMode.class)).isEqualTo(StripeMode.TEST);
                    StripeTerminalGateway gateway = context.getBean(StripeTerminalGateway.class);
                    assertThatExceptionOfType(StripeFailure.class)
                            .isThrownBy(() -> gateway.createToken(null, List.of(), null))
                            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(StripeFailure.Kind.UNAVAILABLE));
                });
    }

    @Test
    void defaultsMatchTheReadme() {
        this.runner.run((context) -> {
            StripeProperties properties = context.getBean(StripeProperties.class);
            assertThat(properties.apiBase()).isEqualTo("https://api.stripe.com");
            assertThat(properties.connectTimeout()).hasSeconds(2);
            assertThat(properties.readTimeout()).hasSeconds(4);
            assertThat(properties.maxNetworkRetries()).isEqualTo(1);
            assertThat(properties.maxConcurrentCalls()).isEqualTo(300);
        });
    }

    @Test
    void publishableKeyFailsStartupWithoutEchoingIt() {
        String key = "pk_test_51AbCdEf0123456789";
        this.runner
                .withPropertyValues("connection-token.stripe.secret-key=" + key)
                .run((context) -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("not a publishable key (pk_...)")
                        .hasMessageNotContaining("51AbCdEf"));
    }

    @Test
    void liveKeyOverPlainHttpFailsStartup() {
        String key = "sk_" + "live_" + "51AbCdEf0123456789";
        this.runner
                .withPropertyValues(
                        "connection-token.stripe.secret-key=" + key,
                        "connection-token.stripe.api-base=http://stripe-proxy.internal")
                .run((context) -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("clear text")
                        .hasMessageNotContaining("51AbCdEf"));
    }

    @Test
    void testKeyOverPlainHttpStartsForStandIns() {
        this.runner
                .withPropertyValues(
                        "connection-token.stripe.secret-key=sk_test_51AbCdEf0123456789",
                        "connection-token.stripe.api-base=http://127.0.0.1:12111")
                .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void invalidApiBaseFailsStartup() {
        this.runner
                .withPropertyValues("connection-token.stripe.api-base=api.stripe.com")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void negativeRetriesFailStartup() {
        this.runner
                .withPropertyValues("connection-token.stripe.max-network-retries=-1")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void zeroTimeoutFailsStartup() {
        this.runner
                .withPropertyValues("connection-token.stripe.read-timeout=0s")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void unknownSslBundleFailsStartup() {
        this.runner
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
                .withPropertyValues(
                        "connection-token.stripe.secret-key=sk_test_51AbCdEf0123456789",
                        "connection-token.stripe.ssl-bundle=missing")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void telemetryIsOffUnlessTurnedOn() {
        boolean before = Stripe.enableTelemetry;
        try {
            this.runner
                    .withPropertyValues("connection-token.stripe.secret-key=sk_test_51AbCdEf0123456789")
                    .run((context) -> assertThat(Stripe.enableTelemetry).isFalse());
            this.runner
                    .withPropertyValues(
                            "connection-token.stripe.secret-key=sk_test_51AbCdEf0123456789",
                            "connection-token.stripe.telemetry=true")
                    .run((context) -> assertThat(Stripe.enableTelemetry).isTrue());
        } finally {
            Stripe.enableTelemetry = before;
        }
    }

    @Test
    void propertiesNeverPrintTheKey() {
        StripeProperties properties = new StripeProperties(
                "sk_test_51AbCdEf0123456789", "https://api.stripe.com", null, null, 1, 150, null, false);

        assertThat(properties.toString()).doesNotContain("51AbCdEf").contains("<redacted>");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StripeProperties.class)
    @Import(StripeConfiguration.class)
    static class TestConfiguration {}
}
