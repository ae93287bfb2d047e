package dev.connectiontoken.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.StripeStandIn;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Apache transport's connections opened before readiness: on the route that calls take, so calls reuse them. */
class ApacheStripeHttpClientTests {

    @BeforeEach
    void reset() {
        StripeStandIn.reset();
    }

    @Test
    void connectionsOpenedAheadAreTheOnesTheFirstCallsUse() throws Exception {
        StripeStandIn.answer(200, "connection-token.json");
        try (ApacheStripeHttpClient transport = new ApacheStripeHttpClient(Duration.ofSeconds(2), 10, null)) {
            int opened = transport.openConnections(URI.create(StripeStandIn.baseUrl()), 4, Duration.ofSeconds(5));

            assertThat(opened).isEqualTo(4);
            assertThat(transport.idleConnections()).isEqualTo(4);
            StripeTerminalGateway gateway = new StripeTerminalGateway(
                    StripeConfiguration.stripeClient(properties(), transport),
                    new StripeErrorTranslator(),
                    ObservationRegistry.NOOP,
                    transport);
            gateway.createToken(null, List.of(), null);
            gateway.createToken(null, List.of(), null);
            assertThat(StripeStandIn.requests()).hasSize(2);
            assertThat(transport.idleConnections())
                    .as("no connection opened for the calls")
                    .isEqualTo(4);
        }
    }

    @Test
    void eachCallGoesToItsOwnUrlAndReadsItsOwnAnswer() {
        StripeStandIn.answer(200, "connection-token.json");
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(StripeStandIn.LOCATIONS_PATH + "/tml_Harbour2"))
                        .willReturn(StripeStandIn.json(200, StripeStandIn.fixture("location-harbour.json"))));
        try (ApacheStripeHttpClient transport = new ApacheStripeHttpClient(Duration.ofSeconds(2), 10, null)) {
            StripeTerminalGateway gateway = new StripeTerminalGateway(
                    StripeConfiguration.stripeClient(properties(), transport),
                    new StripeErrorTranslator(),
                    ObservationRegistry.NOOP,
                    transport);

            String first = gateway.createToken(null, List.of(), null).secret();
            String harbour =
                    gateway.retrieveLocation("tml_Harbour2", null).orElseThrow().id();
            String second = gateway.createToken(null, List.of(), null).secret();

            assertThat(first).isEqualTo(second).startsWith("pst_test_");
            assertThat(harbour).isEqualTo("tml_Harbour2");
            assertThat(StripeStandIn.server().getAllServeEvents())
                    .extracting((event) -> event.getRequest().getUrl())
                    .containsExactlyInAnyOrder(
                            StripeStandIn.PATH, StripeStandIn.LOCATIONS_PATH + "/tml_Harbour2", StripeStandIn.PATH);
        }
    }

    @Test
    void connectionsThatCannotOpenAreSkipped() throws Exception {
        try (ApacheStripeHttpClient transport = new ApacheStripeHttpClient(Duration.ofSeconds(1), 10, null)) {
            // Nothing listens on the discard port.
            int opened = transport.openConnections(URI.create("http://127.0.0.1:9"), 3, Duration.ofSeconds(1));

            assertThat(opened).isZero();
        }
    }

    private static StripeProperties properties() {
        return new StripeProperties(
                StripeStandIn.SECRET_KEY,
                StripeStandIn.baseUrl(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(4),
                0,
                10,
                StripeProperties.HttpClientType.APACHE,
                null,
                false,
                0);
    }
}
