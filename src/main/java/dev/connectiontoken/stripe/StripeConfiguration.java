package dev.connectiontoken.stripe;

import com.stripe.StripeClient;
import com.stripe.net.HttpURLConnectionClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.util.StringUtils;

/**
 * Builds the one {@link StripeClient} from {@link StripeProperties} (never the global {@code Stripe.apiKey}) and
 * picks the gateway: Stripe when a key is set, offline fakes when not. Offline mode cannot be active with a key.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    static final String SECRET_KEY_PROPERTY = "connection-token.stripe.secret-key";

    @Bean
    StripeMode stripeMode(StripeProperties properties) {
        StripeMode mode = StripeMode.of(properties.secretKey());
        if (mode == StripeMode.LIVE && !properties.apiBase().startsWith("https://")) {
            throw new InvalidStripeKeyException(
                    "A live Stripe key would be sent in clear text: STRIPE_API_BASE is not an https:// URL",
                    "Use an https:// api base with a live key (the default is https://api.stripe.com); plain http is"
                            + " for test keys and local stand-ins only.");
        }
        return mode;
    }

    @Bean
    @Conditional(KeyConfigured.class)
    StripeClient stripeClient(StripeProperties properties) {
        return StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setHttpClient(httpClient(properties))
                .build();
    }

    private static com.stripe.net.HttpClient httpClient(StripeProperties properties) {
        return switch (properties.httpClient()) {
            case JDK ->
                new JdkStripeHttpClient(
                        properties.connectTimeout(), properties.apiBase().startsWith("http:"));
            case URL_CONNECTION -> new HttpURLConnectionClient();
        };
    }

    @Bean
    @Conditional(KeyConfigured.class)
    TerminalGateway stripeTerminalGateway(
            StripeClient client, StripeMode mode, StripeProperties properties, MeterRegistry meters) {
        log.info(
                "Minting {} connection tokens through {}",
                mode.name().toLowerCase(java.util.Locale.ROOT),
                properties.apiBase());
        return new StripeTerminalGateway(client, new StripeErrorTranslator(), meters);
    }

    @Bean
    @Conditional(KeyAbsent.class)
    TerminalGateway offlineTerminalGateway(StripeMode mode) {
        log.warn("""

                ************************************************************************************
                OFFLINE MODE: STRIPE_SECRET_KEY is not set, so this service issues FAKE connection
                tokens (pst_test_offline_...) that no Stripe reader accepts. Responses carry the
                header Connection-Token-Mode: offline. Set STRIPE_SECRET_KEY to mint real tokens.
                ************************************************************************************""");
        return new OfflineTerminalGateway();
    }

    static final class KeyConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(SECRET_KEY_PROPERTY));
        }
    }

    static final class KeyAbsent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(SECRET_KEY_PROPERTY));
        }
    }
}
