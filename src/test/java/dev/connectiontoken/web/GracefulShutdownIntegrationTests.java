package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shutdown as on SIGTERM (the JVM's shutdown hook closes the context the same way): the request in flight completes,
 * new ones are refused at once.
 */
class GracefulShutdownIntegrationTests {

    @Test
    void inFlightRequestCompletesAndNewOnesAreRefused() {
        StripeStandIn.reset();
        StripeStandIn.stub(StripeStandIn.json(200, StripeStandIn.fixture("connection-token.json"))
                .withFixedDelay(1_500));
        ConfigurableApplicationContext context = SpringApplication.run(
                ConnectionTokenApplication.class,
                "--server.port=0",
                "--STRIPE_SECRET_KEY=" + StripeStandIn.SECRET_KEY,
                "--STRIPE_API_BASE=" + StripeStandIn.baseUrl());
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                .sendAsync(HttpCall.to(port, "/connection_token").build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> StripeStandIn.requests().size() == 1);

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(context::close);
        await().atMost(Duration.ofSeconds(5)).until(() -> !context.isActive() || isRefusing(port));
        Throwable refusal = catchThrowable(() -> HttpClient.newHttpClient()
                .send(HttpCall.to(port, "/connection_token").build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(refusal).isNotNull();
        assertThat(inFlight.join().statusCode()).isEqualTo(200);
        shutdown.join();
        assertThat(StripeStandIn.requests()).hasSize(1);
    }

    private static boolean isRefusing(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 200);
            return false;
        } catch (java.io.IOException ex) {
            return true;
        }
    }
}
