package dev.connectiontoken.location;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import dev.connectiontoken.TestKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /locations} against WireMock as Stripe, every exchange checked against Stripe's own description of its
 * locations endpoints: per caller, with its list or its account's, the default marked, errors in the one shape.
 */
class LocationsIntegrationTests extends AbstractStripeIntegrationTests {

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        registry.add("connection-token.clients[0].id", () -> "any-store");
        registry.add("connection-token.clients[0].api-key-sha256", () -> TestKeys.sha256(TestKeys.OPEN));
        registry.add("connection-token.clients[1].id", () -> "listed-store");
        registry.add("connection-token.clients[1].api-key-sha256", () -> TestKeys.sha256(TestKeys.LIMITED));
        registry.add("connection-token.clients[1].locations", () -> "tml_MainStreet1,tml_Harbour2,tml_Gone9");
        registry.add("connection-token.clients[1].default-location", () -> "tml_Harbour2");
        registry.add("connection-token.clients[2].id", () -> "connected-store");
        registry.add("connection-token.clients[2].api-key-sha256", () -> TestKeys.sha256(TestKeys.CONNECT));
        registry.add("connection-token.clients[2].account", () -> "acct_1Connected");
        // Each test's answers are its own: nothing is kept from one test to the next.
        registry.add("connection-token.locations.cache-ttl", () -> "0s");
    }

    @Test
    void clientWithAListGetsThoseStripeStillHasWithTheDefaultMarked() {
        stubRetrieve("tml_MainStreet1", 200, StripeStandIn.fixture("location-main-street.json"));
        stubRetrieve("tml_Harbour2", 200, StripeStandIn.fixture("location-harbour.json"));
        stubRetrieve("tml_Gone9", 404, StripeStandIn.fixture("error-location-missing.json"));

        HttpResponse<String> response = locations(TestKeys.LIMITED);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode data = HttpCall.json(response.body()).path("data");
        assertThat(data.valueStream().map((entry) -> entry.path("id").asString()))
                .containsExactly("tml_MainStreet1", "tml_Harbour2");
        assertThat(data.get(1).path("default").asBoolean()).isTrue();
        assertThat(data.get(0).path("default").asBoolean()).isFalse();
        assertThat(data.get(0).path("display_name").asString()).isEqualTo("Main Street store");
        assertThat(data.get(0).path("address").path("postal_code").asString()).isEqualTo("12345");
        assertThat(data.get(0).path("address").has("line2")).isFalse();
    }

    @Test
    void clientWithoutAListGetsEveryPageOfItsAccount(@Autowired MeterRegistry meters) {
        long turns = budgetTurns(meters, "platform");
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(StripeStandIn.LOCATIONS_PATH))
                        .withQueryParam("starting_after", WireMock.absent())
                        .willReturn(StripeStandIn.json(200, StripeStandIn.fixture("locations-page-1.json"))));
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(StripeStandIn.LOCATIONS_PATH))
                        .withQueryParam("starting_after", WireMock.equalTo("tml_Harbour2"))
                        .willReturn(StripeStandIn.json(200, StripeStandIn.fixture("locations-page-2.json"))));

        HttpResponse<String> response = locations(TestKeys.OPEN);

        assertThat(HttpCall.json(response.body())
                        .path("data")
                        .valueStream()
                        .map((entry) -> entry.path("id").asString()))
                .containsExactly("tml_MainStreet1", "tml_Harbour2", "tml_Station3");
        assertThat(StripeStandIn.locationRequests()).hasSize(2);
        assertThat(StripeStandIn.locationRequests().get(0).getRequest().getHeader("Stripe-Account"))
                .isNull();
        // Each page is a call to Stripe, and takes its turn in the platform's Stripe budget.
        assertThat(budgetTurns(meters, "platform") - turns).isEqualTo(2);
    }

    private static long budgetTurns(MeterRegistry meters, String budget) {
        Timer waits = meters.find("connection.token.stripe.budget.waits")
                .tag("budget", budget)
                .timer();
        return (waits != null) ? waits.count() : 0;
    }

    @Test
    void connectedAccountClientListsItsAccountsLocations(@Autowired MeterRegistry meters) {
        long turns = budgetTurns(meters, "connected");
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(StripeStandIn.LOCATIONS_PATH))
                        .willReturn(StripeStandIn.json(200, StripeStandIn.fixture("locations-page-2.json"))));

        HttpResponse<String> response = locations(TestKeys.CONNECT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(StripeStandIn.locationRequests().get(0).getRequest().getHeader("Stripe-Account"))
                .isEqualTo("acct_1Connected");
        assertThat(budgetTurns(meters, "connected") - turns).isEqualTo(1);
    }

    @Test
    void withoutCredentialsIs401AndStripeIsNotAsked() {
        HttpResponse<String> response = HttpCall.send(this.port, "GET", "/locations", null, null);

        assertProblem(response, 401);
        assertThat(StripeStandIn.locationRequests()).isEmpty();
    }

    @Test
    void unknownQueryParameterIs400() {
        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/locations?limit=5").GET().header("X-Api-Key", TestKeys.OPEN));

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("error").path("code").asString()).isEqualTo("parameter_unknown");
        assertThat(problem.path("error").path("param").asString()).isEqualTo("limit");
    }

    @Test
    void stripeRefusingOurKeyIs502InTheOneShape() {
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(StripeStandIn.LOCATIONS_PATH))
                        .willReturn(StripeStandIn.json(401, StripeStandIn.fixture("error-authentication.json"))));

        JsonNode problem = assertProblem(locations(TestKeys.OPEN), 502);

        assertThat(problem.path("error").path("code").asString()).isEqualTo("upstream_misconfigured");
    }

    private HttpResponse<String> locations(String key) {
        return HttpCall.send(HttpCall.to(this.port, "/locations").GET().header("X-Api-Key", key));
    }

    private static void stubRetrieve(String id, int status, String body) {
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(StripeStandIn.LOCATIONS_PATH + "/" + id))
                        .willReturn(StripeStandIn.json(status, body)));
    }
}
