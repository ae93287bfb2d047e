package dev.connectiontoken.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.net.HttpURLConnectionClient;
import dev.connectiontoken.api.StripeMode;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Builds the one {@link StripeClient} from {@link StripeProperties} (never the global {@code Stripe.apiKey}) and the
 * gateway on it. With no key ({@link StripeMode#OFFLINE}) there is no client, and the gateway issues offline fakes.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    @Bean
    StripeMode stripeMode(StripeProperties properties) {
        return StripeMode.of(properties.secretKey(), properties.apiBase());
    }

    @Bean
    StripeTerminalGateway stripeTerminalGateway(
            StripeMode mode,
            StripeProperties properties,
            ObjectProvider<SslBundles> sslBundles,
            ObservationRegistry observations) {
        if (mode.isOffline()) {
            log.warn("""

                    ************************************************************************************
                    OFFLINE MODE: STRIPE_SECRET_KEY is not set, so this service issues FAKE connection
                    tokens (pst_test_offline_...) that no Stripe reader accepts. Responses carry the
                    header Connection-Token-Mode: offline. Set STRIPE_SECRET_KEY to mint real tokens.
                    ************************************************************************************""");
            return new StripeTerminalGateway(null, new StripeErrorTranslator(), observations);
        }
        log.info("Minting {} connection tokens through {}", mode.name().toLowerCase(Locale.ROOT), properties.apiBase());
        com.stripe.net.HttpClient transport = httpClient(properties, sslBundles);
        // Our own transports hold a connection pool: the gateway closes it with the context.
        return new StripeTerminalGateway(
                stripeClient(properties, transport),
                new StripeErrorTranslator(),
                observations,
                (transport instanceof PooledStripeHttpClient pooled) ? pooled : null);
    }

    @Bean
    ConnectionsBeforeReady stripeConnectionsBeforeReady(
            StripeTerminalGateway gateway, StripeProperties properties, StripeMode mode) {
        return new ConnectionsBeforeReady(gateway, properties, mode);
    }

    static StripeClient stripeClient(StripeProperties properties, com.stripe.net.HttpClient transport) {
        // stripe-java has this switch only as a JVM-wide field; this service builds one client, so it is set here.
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

    private static com.stripe.net.HttpClient httpClient(
            StripeProperties properties, ObjectProvider<SslBundles> sslBundles) {
        return switch (properties.httpClient()) {
            case APACHE ->
                new ApacheStripeHttpClient(
                        properties.connectTimeout(),
                        properties.maxConcurrentCalls(),
                        sslContext(properties, sslBundles));
            case JDK ->
                new JdkStripeHttpClient(
                        properties.connectTimeout(),
                        properties.apiBase().startsWith("http:"),
                        sslContext(properties, sslBundles));
            case URL_CONNECTION -> {
                if (properties.sslBundle() != null) {
                    throw new IllegalStateException(
                            "connection-token.stripe.ssl-bundle needs the apache or jdk http-client");
                }
                yield new HttpURLConnectionClient();
            }
        };
    }

    /** The configured SSL bundle's context, or {@code null} for the JVM's trust store. */
    private static @Nullable SSLContext sslContext(StripeProperties properties, ObjectProvider<SslBundles> sslBundles) {
        String bundle = properties.sslBundle();
        return (bundle != null) ? sslBundles.getObject().getBundle(bundle).createSslContext() : null;
    }
}
