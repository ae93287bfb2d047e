package dev.connectiontoken.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.stripe.StripeClient;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The gateway with stripe-java for real but no network: a stub under stripe-java's {@link HttpClient} seam records what
 * would be sent and answers with Stripe's shapes.
 */
class StripeTerminalGatewayTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ObservationRegistry observations = observations(this.meters);

    private final RecordingHttpClient stripe = new RecordingHttpClient();

    private final StripeTerminalGateway gateway = new StripeTerminalGateway(
            StripeClient.builder()
                    .setApiKey("sk_test_51Gateway000000")
                    .setHttpClient(this.stripe)
                    .build(),
            null,
            300,
            null,
            this.observations);

    @Test
    void mintsAScopedTokenAndSaysWhatItSent() throws Exception {
        this.stripe.answer(
                200,
                "{\"object\": \"terminal.connection_token\", \"location\": \"tml_A1\","
                        + " \"secret\": \"pst_test_abc\"}");

        IssuedToken token = this.gateway.createToken("tml_A1", List.of("location"), "acct_1Shop");

        assertThat(token.secret()).isEqualTo("pst_test_abc");
        assertThat(token.offline()).isFalse();
        assertThat(token.stripeRequestId()).isEqualTo("req_Gateway1");
        StripeRequest sent = this.stripe.requests.get(0);
        assertThat(sent.url().getPath()).isEqualTo("/v1/terminal/connection_tokens");
        assertThat(form(sent).split("&")).containsExactlyInAnyOrder("location=tml_A1", "expand[0]=location");
        assertThat(sent.headers().firstValue("Stripe-Account")).hasValue("acct_1Shop");
        assertThat(this.meters
                        .get("stripe.requests")
                        .tag("result", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void unscopedTokenSendsNoParameters() throws Exception {
        this.stripe.answer(200, "{\"object\": \"terminal.connection_token\", \"secret\": \"pst_test_abc\"}");

        this.gateway.createToken(null, List.of(), null);

        assertThat(form(this.stripe.requests.get(0))).isEmpty();
    }

    @Test
    void stripeRefusingOurKeyIs502AndTimedByType() {
        this.stripe.answer(401, "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Invalid API Key\"}}");

        assertThatExceptionOfType(StripeFailure.class)
                .isThrownBy(() -> this.gateway.createToken(null, List.of(), null))
                .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(StripeFailure.Kind.MISCONFIGURED));
        assertThat(this.meters
                        .get("stripe.requests")
                        .tag("result", "stripe-misconfigured")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void answerWithoutASecretIs502() {
        this.stripe.answer(200, "{\"object\": \"terminal.connection_token\"}");

        assertThatExceptionOfType(StripeFailure.class)
                .isThrownBy(() -> this.gateway.createToken(null, List.of(), null))
                .satisfies((ex) -> {
                    assertThat(ex.kind()).isEqualTo(StripeFailure.Kind.ERROR);
                    assertThat(ex.requestId()).isEqualTo("req_Gateway1");
                });
    }

    @Test
    void withoutAClientIssuesOfflineFakesAndCallsNobody() {
        StripeTerminalGateway offline = new StripeTerminalGateway(null, null, 300, null, this.observations);

        IssuedToken token = offline.createToken("tml_A1", List.of(), null);

        assertThat(token.offline()).isTrue();
        assertThat(token.secret()).startsWith("pst_test_offline_").hasSize("pst_test_offline_".length() + 32);
        assertThat(this.stripe.requests).isEmpty();
    }

    @Test
    void oneLimitOfCallsInFlightCoversEveryOperation() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpClient stalled = new HttpClient() {
            @Override
            public StripeResponse request(StripeRequest request) {
                inFlight.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return new StripeResponse(200, HttpHeaders.of(Map.of()), "{\"secret\": \"pst_test_abc\"}");
            }
        };
        StripeTerminalGateway limited = new StripeTerminalGateway(
                StripeClient.builder()
                        .setApiKey("sk_test_51Gateway000000")
                        .setHttpClient(stalled)
                        .build(),
                null,
                1,
                null,
                this.observations);
        Thread token = new Thread(() -> limited.createToken(null, List.of(), null));
        token.start();
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatExceptionOfType(StripeFailure.class)
                .isThrownBy(() -> limited.listLocations(null, 10))
                .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(StripeFailure.Kind.SATURATED));
        assertThatExceptionOfType(StripeFailure.class)
                .isThrownBy(() -> limited.retrieveLocation("tml_A1", null))
                .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(StripeFailure.Kind.SATURATED));
        release.countDown();
        token.join(10_000);
        assertThat(limited.createToken(null, List.of(), null).secret()).isEqualTo("pst_test_abc");
    }

    @Test
    void closingTheGatewayClosesItsTransport() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        StripeTerminalGateway gateway =
                new StripeTerminalGateway(null, () -> closed.set(true), 300, null, this.observations);

        gateway.close();

        assertThat(closed).isTrue();
    }

    private static ObservationRegistry observations(SimpleMeterRegistry meters) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return registry;
    }

    private static String form(StripeRequest request) throws Exception {
        return URLDecoder.decode(
                new String(request.content().byteArrayContent(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** Answers every request with the last answer set, and keeps the requests. */
    private static final class RecordingHttpClient extends HttpClient {

        private final List<StripeRequest> requests = new ArrayList<>();

        private StripeResponse answer;

        void answer(int status, String body) {
            this.answer =
                    new StripeResponse(status, HttpHeaders.of(Map.of("Request-Id", List.of("req_Gateway1"))), body);
        }

        @Override
        public StripeResponse request(StripeRequest request) {
            this.requests.add(request);
            return this.answer;
        }
    }
}
