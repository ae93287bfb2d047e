package dev.connectiontoken.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The transports that can be chosen instead of the default Apache HttpClient, which every other integration test uses:
 * the same answers and the same error mapping.
 */
abstract class AlternativeTransportIntegrationTests extends AbstractStripeIntegrationTests {

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
