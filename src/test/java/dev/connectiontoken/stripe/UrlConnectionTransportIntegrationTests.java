package dev.connectiontoken.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * stripe-java's own {@code HttpURLConnection} transport, still selectable: the same answers and the same error mapping
 * as the default JDK client, which every other integration test uses.
 */
class UrlConnectionTransportIntegrationTests extends AbstractStripeIntegrationTests {

    @DynamicPropertySource
    static void transport(DynamicPropertyRegistry registry) {
        registry.add("connection-token.stripe.http-client", () -> "url-connection");
    }

    @Test
    void mintsTokens() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = post("/connection_token", "application/x-www-form-urlencoded", "expand[]=a");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(StripeStandIn.requests().get(0).getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer " + StripeStandIn.SECRET_KEY);
    }

    @Test
    void mapsErrorsTheSameWay() {
        StripeStandIn.answer(401, "error-authentication.json");

        assertProblem(post("/connection_token", null, null), 502);
    }

    @Test
    void stallIs504() {
        StripeStandIn.stub(StripeStandIn.json(200, StripeStandIn.fixture("connection-token.json"))
                .withFixedDelay(3_000));

        assertProblem(post("/connection_token", null, null), 504);
    }
}
