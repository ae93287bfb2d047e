package dev.connectiontoken.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** stripe-java's network retries, as configured by default (one retry): safe, bounded, and recovering. */
class StripeRetryIntegrationTests extends AbstractStripeIntegrationTests {

    @DynamicPropertySource
    static void retries(DynamicPropertyRegistry registry) {
        registry.add("connection-token.stripe.max-network-retries", () -> "1");
    }

    @Test
    void oneFailureThenSuccessIsRetriedWithTheSameIdempotencyKey() {
        StripeStandIn.firstThenToken(StripeStandIn.json(500, StripeStandIn.fixture("error-api.json")));

        HttpResponse<String> response = post("/connection_token", null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<ServeEvent> attempts = StripeStandIn.requests();
        assertThat(attempts).hasSize(2);
        String key = attempts.get(0).getRequest().getHeader("Idempotency-Key");
        assertThat(key).isNotBlank();
        assertThat(attempts.get(1).getRequest().getHeader("Idempotency-Key")).isEqualTo(key);
    }

    @Test
    void stripes429IsNotRetriedIntoTheSameWall() {
        StripeStandIn.answer(429, "error-rate-limit.json");

        HttpResponse<String> response = post("/connection_token", null, null);

        assertThat(assertProblem(response, 503).path("type").asString()).endsWith(":stripe-rate-limited");
        assertThat(StripeStandIn.requests()).hasSize(1);
    }

    @Test
    void stripeShouldRetryIsHonored() {
        StripeStandIn.firstThenToken(StripeStandIn.json(429, StripeStandIn.fixture("error-rate-limit.json"))
                .withHeader("Stripe-Should-Retry", "true"));

        HttpResponse<String> response = post("/connection_token", null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(StripeStandIn.requests()).hasSize(2);
    }

    @Test
    void everyCallGetsItsOwnIdempotencyKey() {
        StripeStandIn.answer(200, "connection-token.json");

        post("/connection_token", null, null);
        post("/connection_token", null, null);

        List<ServeEvent> calls = StripeStandIn.requests();
        assertThat(calls.get(0).getRequest().getHeader("Idempotency-Key"))
                .isNotEqualTo(calls.get(1).getRequest().getHeader("Idempotency-Key"));
    }

    @Test
    void persistentFailureIs502AfterOneRetryWithinTheBound() {
        StripeStandIn.answer(500, "error-api.json");

        long started = System.nanoTime();
        HttpResponse<String> response = post("/connection_token", null, null);

        assertProblem(response, 502);
        assertThat(StripeStandIn.requests()).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void stallOnEveryAttemptIs504WithinTheBound() {
        StripeStandIn.stub(StripeStandIn.json(200, StripeStandIn.fixture("connection-token.json"))
                .withFixedDelay(5_000));

        long started = System.nanoTime();
        HttpResponse<String> response = post("/connection_token", null, null);

        assertProblem(response, 504);
        // Two attempts of the 1s read timeout used in these tests, plus stripe-java's backoff (at most 0.5s): 2.5 s,
        // with room for a slow machine; without the timeout, one attempt alone would take the stall's 5 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_500));
    }

    @Test
    void resetThenSuccessRecovers() {
        StripeStandIn.firstThenToken(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(post("/connection_token", null, null).statusCode()).isEqualTo(200);
    }
}
