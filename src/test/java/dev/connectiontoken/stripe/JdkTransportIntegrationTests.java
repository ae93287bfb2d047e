package dev.connectiontoken.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.connectiontoken.StripeStandIn;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code java.net.http} transport (HTTP/2 where Stripe offers it). */
class JdkTransportIntegrationTests extends AlternativeTransportIntegrationTests {

    @DynamicPropertySource
    static void transport(DynamicPropertyRegistry registry) {
        registry.add("connection-token.stripe.http-client", () -> "jdk");
        registry.add("connection-token.stripe.max-network-retries", () -> "1");
    }

    @Test
    void resetIsRetriedAsAConnectionFailure() {
        StripeStandIn.firstThenToken(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(post("/connection_token", null, null).statusCode()).isEqualTo(200);
        assertThat(StripeStandIn.requests()).hasSize(2);
    }

    @Test
    void bodyStallingAfterTheHeadersIs504WithinTheDeadline() {
        // Gaps of 0.5 s, under the 1 s read timeout: only the 3 s deadline (connect + read timeouts) ends an attempt,
        // and this class allows one retry: two attempts, 6 s, where without the deadline each would take 8 s.
        StripeStandIn.stub(StripeStandIn.json(200, StripeStandIn.fixture("connection-token.json"))
                .withChunkedDribbleDelay(16, 8_000));

        long started = System.nanoTime();
        assertProblem(post("/connection_token", null, null), 504);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(7_500));
        assertThat(StripeStandIn.requests()).hasSize(2);
    }
}
