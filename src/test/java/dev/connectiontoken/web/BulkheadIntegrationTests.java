package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** While Stripe stalls, calls beyond the limit are refused at once and the probes keep answering. */
class BulkheadIntegrationTests extends AbstractStripeIntegrationTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void limit(DynamicPropertyRegistry registry) {
        registry.add("connection-token.stripe.max-concurrent-calls", () -> "2");
        registry.add("connection-token.stripe.read-timeout", () -> "10s");
    }

    @Test
    void callsBeyondTheLimitAre503AtOnceAndLivenessStaysFast() {
        StripeStandIn.stub(StripeStandIn.json(200, StripeStandIn.fixture("connection-token.json"))
                .withFixedDelay(2_000));
        List<CompletableFuture<HttpResponse<String>>> stalled = IntStream.range(0, 2)
                .mapToObj((i) -> this.client.sendAsync(
                        HttpCall.to(this.port, "/connection_token").build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> StripeStandIn.requests().size() == 2);

        long started = System.nanoTime();
        HttpResponse<String> refused = post("/connection_token", null, null);
        HttpResponse<String> liveness = HttpCall.send(this.port, "GET", "/actuator/health/liveness", null, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        JsonNode problem = assertProblem(refused, 503);
        assertThat(problem.path("error").path("code").asString()).isEqualTo("upstream_saturated");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(liveness.statusCode()).isEqualTo(200);
        // At once, with room for a slow machine: sent to the stalled stand-in, it would take its 2 s.
        assertThat(took).isLessThan(Duration.ofMillis(1_500));
        assertThat(stalled)
                .allSatisfy((call) -> assertThat(call.join().statusCode()).isEqualTo(200));
        assertThat(StripeStandIn.requests()).hasSize(2);
    }
}
