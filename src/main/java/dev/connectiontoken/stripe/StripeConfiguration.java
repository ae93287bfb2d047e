package dev.connectiontoken.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link StripeClient} (never the global {@code Stripe.apiKey}) and the gateway; no key, no client: fakes. */
@Configuration(proxyBeanMethods = false)
class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    @Bean
    StripeMode stripeMode(StripeProperties properties) {
        return StripeMode.of(properties.secretKey());
    }

    @Bean
    InfoContributor stripeModeInfoContributor(StripeMode mode) {
        return (info) -> info.withDetail("mode", mode.name().toLowerCase(Locale.ROOT));
    }

    @Bean
    StripeTerminalGateway stripeTerminalGateway(
            StripeMode mode,
            StripeProperties properties,
            ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<StripeBudget> budget,
            ObservationRegistry observations) {
        if (mode.isOffline()) {
            log.warn("""

                    ************************************************************************************
                    OFFLINE MODE: STRIPE_SECRET_KEY is not set, so this service issues FAKE connection
                    tokens (pst_test_offline_...) that no Stripe reader accepts. Responses carry the
                    header Connection-Token-Mode: offline. Set STRIPE_SECRET_KEY to mint real tokens.
                    ************************************************************************************""");
            return new StripeTerminalGateway(null, null, properties.maxConcurrentCalls(), null, observations);
        }
        log.info("Minting {} connection tokens through {}", mode.name().toLowerCase(Locale.ROOT), properties.apiBase());
        String bundle = properties.sslBundle();
        ApacheStripeHttpClient transport = new ApacheStripeHttpClient(
                properties.connectTimeout(),
                properties.maxConcurrentCalls(),
                (bundle != null) ? sslBundles.getObject().getBundle(bundle).createSslContext() : null);
        return new StripeTerminalGateway(
                stripeClient(properties, transport),
                transport,
                properties.maxConcurrentCalls(),
                budget.getIfAvailable(),
                observations);
    }

    private static StripeClient stripeClient(StripeProperties properties, com.stripe.net.HttpClient transport) {
        // stripe-java keeps this switch JVM-wide only; this service builds one client, so it is set here.
        Stripe.enableTelemetry = properties.telemetry();
        return StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setHttpClient(transport)
                .build();
    }
}
