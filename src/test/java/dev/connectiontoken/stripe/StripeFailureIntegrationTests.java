package dev.connectiontoken.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Each row of the Stripe error table, end to end: what Stripe answers, what the caller gets, what is logged. */
@ExtendWith(OutputCaptureExtension.class)
class StripeFailureIntegrationTests extends AbstractStripeIntegrationTests {

    @Test
    void missingLocationPassesStripesCodeParamAndMessageThrough(CapturedOutput output) {
        StripeStandIn.answer(404, "error-location-missing.json");

        HttpResponse<String> response =
                post("/connection_token", "application/json", "{\"location\": \"tml_Missing000\"}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("type").asString()).endsWith(":stripe-rejected-parameters");
        assertThat(problem.path("error").path("code").asString()).isEqualTo("resource_missing");
        assertThat(problem.path("error").path("param").asString()).isEqualTo("location");
        assertThat(problem.path("error").path("message").asString()).isEqualTo("No such location: 'tml_Missing000'");
        assertThat(output).contains("req_StandIn123");
    }

    @Test
    void expandRejectedByStripeIsTheCallersError() {
        StripeStandIn.answer(400, "error-expand-not-expandable.json");

        JsonNode problem =
                assertProblem(post("/connection_token", "application/json", "{\"expand\": [\"secret\"]}"), 400);

        assertThat(problem.path("error").path("param").asString()).isEqualTo("expand[0]");
    }

    static Stream<Arguments> upstreamErrors() {
        return Stream.of(
                Arguments.of(
                        "invalid request not about the caller",
                        400,
                        "error-invalid-request-not-caller.json",
                        502,
                        ":stripe-error"),
                Arguments.of("our key refused (401)", 401, "error-authentication.json", 502, ":stripe-misconfigured"),
                Arguments.of(
                        "our permissions refused (403)", 403, "error-permission.json", 502, ":stripe-misconfigured"),
                Arguments.of("Stripe rate limiting (429)", 429, "error-rate-limit.json", 503, ":stripe-rate-limited"),
                Arguments.of("Stripe failing (500)", 500, "error-api.json", 502, ":stripe-error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamErrors")
    void stripeErrorMapsToOurAnswerWithoutStripesText(
            String row, int stripeStatus, String fixture, int status, String type, CapturedOutput output) {
        StripeStandIn.answer(stripeStatus, fixture);

        HttpResponse<String> response = post("/connection_token", null, null);

        JsonNode problem = assertProblem(response, status);
        assertThat(problem.path("type").asString()).endsWith(type);
        assertThat(problem.has("errors")).isFalse();
        String stripeMessage = HttpCall.json(StripeStandIn.fixture(fixture))
                .path("error")
                .path("message")
                .asString();
        assertThat(response.body()).doesNotContain(stripeMessage, "****");
        assertThat(output).contains("req_StandIn123").doesNotContain(StripeStandIn.SECRET_KEY);
    }

    @Test
    void refusedKeyIsLoggedAtError(CapturedOutput output) {
        StripeStandIn.answer(401, "error-authentication.json");

        post("/connection_token", null, null);

        assertThat(output.getOut())
                .containsPattern("ERROR .*StripeErrorTranslator .*STRIPE_SECRET_KEY.*req_StandIn123");
    }

    @Test
    void stripes429ShrinksTheBudgetAndAnswersWithRetryAfter(@Autowired MeterRegistry meters) {
        double before = budgetRate(meters);
        StripeStandIn.answer(429, "error-rate-limit.json");

        HttpResponse<String> response = post("/connection_token", null, null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        // Halved, from the rate before or from one step of recovery above it (a tenth of the budget: 2 per second).
        assertThat(budgetRate(meters)).isLessThanOrEqualTo(Math.max(1, Math.floor(Math.min(20, before + 2) / 2)));
    }

    @Test
    void aLockTimeout429LeavesTheBudgetAlone(@Autowired MeterRegistry meters) {
        double before = budgetRate(meters);
        StripeStandIn.stub(StripeStandIn.json(
                429,
                "{\"error\": {\"code\": \"lock_timeout\", \"message\": \"This object cannot be accessed right"
                        + " now.\", \"type\": \"invalid_request_error\"}}"));

        HttpResponse<String> response = post("/connection_token", null, null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(budgetRate(meters)).isGreaterThanOrEqualTo(before);
    }

    /** The platform budget's rate now; the configured 20 before its first call. */
    private static double budgetRate(MeterRegistry meters) {
        Gauge rate = meters.find("connection.token.stripe.budget.rate")
                .tag("account", "platform")
                .gauge();
        return (rate != null) ? rate.value() : 20;
    }

    @Test
    void stallBeyondTheReadTimeoutIs504WithinTheBound() {
        // read-timeout 1 s, no retry: the 3 s delay is cut short.
        assertStallIs504Within(
                StripeStandIn.json(200, StripeStandIn.fixture("connection-token.json"))
                        .withFixedDelay(3_000),
                Duration.ofMillis(2_500));
    }

    @Test
    void bodyStallingAfterTheHeadersIs504WithinTheBound() {
        // Headers at once, then the body in 16 pieces over 8 s: each gap (0.5 s) is shorter than the read timeout
        // (1 s), so only the deadline on the whole exchange, connect-timeout 2 s + read-timeout 1 s, cuts it short.
        assertStallIs504Within(
                StripeStandIn.json(200, StripeStandIn.fixture("connection-token.json"))
                        .withChunkedDribbleDelay(16, 8_000),
                Duration.ofMillis(4_500));

        // The cut connection is not handed to the next call.
        StripeStandIn.reset();
        StripeStandIn.answer(200, "connection-token.json");
        assertThat(post("/connection_token", null, null).statusCode()).isEqualTo(200);
    }

    private void assertStallIs504Within(ResponseDefinitionBuilder stall, Duration bound) {
        StripeStandIn.stub(stall);

        long started = System.nanoTime();
        HttpResponse<String> response = post("/connection_token", null, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        JsonNode problem = assertProblem(response, 504);
        assertThat(problem.path("type").asString()).endsWith(":stripe-timeout");
        assertThat(took).isLessThan(bound);
    }

    static Stream<Arguments> brokenConnections() {
        return Stream.of(Arguments.of(Fault.CONNECTION_RESET_BY_PEER), Arguments.of(Fault.EMPTY_RESPONSE));
    }

    @ParameterizedTest
    @MethodSource("brokenConnections")
    void brokenConnectionIs503WithRetryAfter(Fault fault) {
        StripeStandIn.stub(aResponse().withFault(fault));

        HttpResponse<String> response = post("/connection_token", null, null);

        JsonNode problem = assertProblem(response, 503);
        assertThat(problem.path("type").asString()).endsWith(":stripe-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    static Stream<Arguments> malformedAnswers() {
        return Stream.of(
                Arguments.of("not JSON", "<html>Bad gateway</html>"),
                Arguments.of("empty body", ""),
                Arguments.of("JSON array", "[]"),
                Arguments.of("no secret", "{\"object\": \"terminal.connection_token\"}"),
                Arguments.of(
                        "secret that is not a token",
                        "{\"object\": \"terminal.connection_token\", \"secret\": \"x\"}"));
    }

    @Test
    void garbageInsteadOfHttpIsABrokenConnection(CapturedOutput output) {
        StripeStandIn.stub(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

        JsonNode problem = assertProblem(post("/connection_token", null, null), 503);

        assertThat(problem.path("type").asString()).endsWith(":stripe-unavailable");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAnswers")
    void malformedAnswerIs502AndNeverLogged(String shape, String body, CapturedOutput output) {
        StripeStandIn.expectContractBreach();
        StripeStandIn.stub(StripeStandIn.json(200, body));

        HttpResponse<String> response = post("/connection_token", null, null);

        JsonNode problem = assertProblem(response, 502);
        assertThat(problem.path("type").asString()).endsWith(":stripe-error");
        assertThat(output)
                .containsPattern("ERROR .*Stripe('s answer could not be read| answered with an unexpected)")
                .doesNotContain("pst_test_Leak", "Bad gateway");
    }

    @Test
    void serviceRecoversWhenTheFaultClears() {
        StripeStandIn.stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(post("/connection_token", null, null).statusCode()).isEqualTo(503);
        StripeStandIn.reset();
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = post("/connection_token", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
