package dev.connectiontoken.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.connectiontoken.StripeStandIn;
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
}
