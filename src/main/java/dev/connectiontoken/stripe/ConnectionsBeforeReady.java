package dev.connectiontoken.stripe;

import dev.connectiontoken.api.StripeMode;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Opens {@code connection-token.stripe.connections-before-ready} connections to Stripe before the service turns ready,
 * so that the first burst of calls finds them open instead of waiting on as many TLS handshakes at once. Spring Boot
 * runs application runners after the web server has started and before readiness turns to {@code ACCEPTING_TRAFFIC}.
 * This one runs last, after the warm-up, so that the connections are fresh when traffic arrives.
 */
final class ConnectionsBeforeReady implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsBeforeReady.class);

    private final StripeTerminalGateway gateway;

    private final StripeProperties properties;

    private final StripeMode mode;

    ConnectionsBeforeReady(StripeTerminalGateway gateway, StripeProperties properties, StripeMode mode) {
        this.gateway = gateway;
        this.properties = properties;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) {
        int wanted = Math.min(this.properties.connectionsBeforeReady(), this.properties.maxConcurrentCalls());
        if (wanted == 0 || this.mode.isOffline()) {
            return;
        }
        if (this.properties.httpClient() != StripeProperties.HttpClientType.APACHE) {
            log.warn("connection-token.stripe.connections-before-ready needs the apache http-client; none opened");
            return;
        }
        long started = System.nanoTime();
        try {
            int opened = this.gateway.openConnections(
                    URI.create(this.properties.apiBase()), wanted, this.properties.connectTimeout());
            long took = (System.nanoTime() - started) / 1_000_000;
            if (opened < wanted) {
                log.warn(
                        "Opened {} of {} connections to Stripe in {} ms before turning ready; the others open on"
                                + " first use",
                        opened,
                        wanted,
                        took);
            } else {
                log.info("Opened {} connections to Stripe in {} ms before turning ready", opened, took);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
