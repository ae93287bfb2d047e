package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Probes, info and metrics, as an orchestrator and a Prometheus server see them. */
class ActuatorIntegrationTests extends AbstractStripeIntegrationTests {

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void probesAreUpWithoutCallingStripe(String path) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpCall.json(response.body()).path("status").asString()).isEqualTo("UP");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void infoShowsVersionAndModeButNeverTheKey() {
        HttpResponse<String> response = get("/actuator/info");

        JsonNode info = HttpCall.json(response.body());
        assertThat(info.path("mode").asString()).isEqualTo("test");
        assertThat(info.path("build").path("version").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain(StripeStandIn.SECRET_KEY, "sk_test");
    }

    @Test
    void prometheusShowsTokensAndStripeLatency() {
        StripeStandIn.answer(200, "connection-token.json");
        post("/connection_token", null, null);
        post("/connection_token", "application/json", "{\"location\": 5}");

        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("connection_token_requests_total{client=\"anonymous\",outcome=\"issued\",reason=\"none\"")
                .contains(
                        "stripe_requests_seconds_bucket{error=\"none\",operation=\"create_connection_token\",result=\"success\"")
                .contains("http_server_requests_seconds_count{")
                .contains("connection_token_stripe_budget_waits_seconds_bucket{budget=\"platform\"")
                .containsPattern("connection_token_stripe_budget_rate\\{account=\"platform\"[^}]*} \\d+")
                .doesNotContain(StripeStandIn.SECRET_KEY, "pst_test_")
                // No long-task timer beside each observation's timer (application.yml).
                .doesNotContain("http_server_requests_active_seconds", "stripe_requests_active_seconds");
    }

    @Test
    void stripeErrorsAreCountedByType() {
        StripeStandIn.answer(401, "error-authentication.json");
        post("/connection_token", null, null);

        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("operation=\"create_connection_token\",result=\"stripe-misconfigured\"")
                .contains("connection_token_requests_total{client=\"anonymous\",outcome=\"refused\","
                        + "reason=\"upstream_misconfigured\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump"})
    void nothingElseIsExposed(String path) {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) {
        return HttpCall.send(this.port, "GET", path, null, null);
    }
}
