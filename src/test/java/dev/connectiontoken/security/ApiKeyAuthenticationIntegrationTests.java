package dev.connectiontoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import dev.connectiontoken.TestKeys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** API-key clients: who gets in, with which policy, and what a refused request looks like. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAuthenticationIntegrationTests extends AbstractStripeIntegrationTests {

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        client(registry, 0, "open-store", TestKeys.OPEN);
        client(registry, 1, "limited-store", TestKeys.LIMITED);
        registry.add("connection-token.clients[1].locations", () -> "tml_Allowed1,tml_Allowed2");
        registry.add("connection-token.clients[1].default-location", () -> "tml_Allowed1");
        client(registry, 2, "strict-store", TestKeys.STRICT);
        registry.add("connection-token.clients[2].locations", () -> "tml_Allowed1,tml_Allowed2");
        client(registry, 3, "connect-store", TestKeys.CONNECT);
        registry.add("connection-token.clients[3].account", () -> "acct_1Connected");
    }

    private static void client(DynamicPropertyRegistry registry, int index, String id, String key) {
        registry.add("connection-token.clients[" + index + "].id", () -> id);
        registry.add("connection-token.clients[" + index + "].api-key-sha256", () -> TestKeys.sha256(key));
    }

    @Test
    void createWithoutCredentialsIs401WithChallenge() {
        HttpResponse<String> response = post("/connection_token", null, null);

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("error").path("code").asString()).isEqualTo("authentication_required");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"connection-token\"");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ctk_wrong", "Bearer ", "Bearer", "Token " + TestKeys.OPEN, "bearer ctk_wrong"})
    void createWithWrongOrMalformedAuthorizationIs401(String authorization) {
        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("Authorization", authorization));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        (challenge) -> assertThat(challenge).startsWith("Bearer realm=\"connection-token\""));
        assertThat(response.body()).doesNotContain("ctk_");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ctk_wrong", "", "   "})
    void createWithWrongApiKeyHeaderIs401(String key) {
        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Api-Key", key));

        assertProblem(response, 401);
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void createWithBasicAuthIs401() {
        String basic = java.util.Base64.getEncoder().encodeToString((TestKeys.OPEN + ":").getBytes());

        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("Authorization", "Basic " + basic));

        assertProblem(response, 401);
    }

    @Test
    void createWithTwoCredentialsIs401() {
        HttpResponse<String> response = HttpCall.send(HttpCall.to(this.port, "/connection_token")
                .header("Authorization", "Bearer " + TestKeys.OPEN)
                .header("X-Api-Key", TestKeys.OPEN));

        assertProblem(response, 401);
    }

    @Test
    void createWithTwoAuthorizationHeadersIs401() {
        HttpResponse<String> response = HttpCall.send(HttpCall.to(this.port, "/connection_token")
                .header("Authorization", "Bearer " + TestKeys.OPEN)
                .header("Authorization", "Bearer ctk_wrong"));

        assertProblem(response, 401);
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void malformedHeaderLineNeverLogsTheKey(CapturedOutput output) {
        String request = "POST /connection_token HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: \u000b" + TestKeys.OPEN
                + "\r\nConnection: close\r\n\r\n";

        String answer = HttpCall.raw(this.port, request.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(output).doesNotContain(TestKeys.OPEN);
    }

    @Test
    void auditLineRecordsTheLocationAskedForNotStripesEcho(CapturedOutput output) {
        // The stand-in's token names no location, as Stripe's own answers may not.
        StripeStandIn.answer(200, "connection-token.json");

        HttpCall.send(HttpCall.to(this.port, "/connection_token?location=tml_Allowed2")
                .header("X-Api-Key", TestKeys.LIMITED));

        assertThat(output).contains("outcome=issued client=key:limited-store location=tml_Allowed2 ");
    }

    @Test
    void createWithApiKeyAndAJwtIs401() {
        // A JWT-shaped bearer next to a valid API key: neither silently wins.
        HttpResponse<String> response = HttpCall.send(HttpCall.to(this.port, "/connection_token")
                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .header("X-Api-Key", TestKeys.OPEN));

        assertProblem(response, 401);
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void createWithBearerApiKeyMintsToken() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = HttpCall.send(
                HttpCall.to(this.port, "/connection_token").header("Authorization", "Bearer " + TestKeys.OPEN));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(StripeStandIn.form(StripeStandIn.requests().get(0))).isEmpty();
        // Stateless: the caller's authentication is not kept in a session.
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void createWithApiKeyHeaderMintsToken() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Api-Key", TestKeys.OPEN));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void createWithForeignLocationIs403AndNeverReachesStripe() {
        HttpResponse<String> response = HttpCall.send(
                HttpCall.to(this.port, "/connection_token?location=tml_Other").header("X-Api-Key", TestKeys.LIMITED));

        JsonNode problem = assertProblem(response, 403);
        assertThat(problem.path("error").path("code").asString()).isEqualTo("location_not_allowed");
        assertThat(problem.path("error").path("param").asString()).isEqualTo("location");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void createWithAllowedLocationScopesToIt() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpCall.send(HttpCall.to(this.port, "/connection_token?location=tml_Allowed2")
                .header("X-Api-Key", TestKeys.LIMITED));

        assertThat(StripeStandIn.form(StripeStandIn.requests().get(0)))
                .isEqualTo(Map.of("location", List.of("tml_Allowed2")));
    }

    @Test
    void createWithoutLocationUsesTheClientsDefault() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Api-Key", TestKeys.LIMITED));

        assertThat(StripeStandIn.form(StripeStandIn.requests().get(0)))
                .isEqualTo(Map.of("location", List.of("tml_Allowed1")));
    }

    @Test
    void createWithoutLocationForLimitedClientWithoutDefaultIs400() {
        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Api-Key", TestKeys.STRICT));

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("error").path("code").asString()).isEqualTo("location_required");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void createForConnectClientMintsOnItsAccountWhateverTheCallerSends() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpCall.send(HttpCall.to(this.port, "/connection_token")
                .header("X-Api-Key", TestKeys.CONNECT)
                .header("Stripe-Account", "acct_1Attacker"));

        assertThat(StripeStandIn.requests().get(0).getRequest().getHeader("Stripe-Account"))
                .isEqualTo("acct_1Connected");
    }

    @Test
    void createCannotPickAnAccountByParameter() {
        HttpResponse<String> response = HttpCall.send(HttpCall.to(this.port, "/connection_token?account=acct_1Attacker")
                .header("X-Api-Key", TestKeys.OPEN));

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("error").path("param").asString()).isEqualTo("account");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void createWithoutAccountSendsNoStripeAccount() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Api-Key", TestKeys.OPEN));

        assertThat(StripeStandIn.requests().get(0).getRequest().containsHeader("Stripe-Account"))
                .isFalse();
    }

    @Test
    void auditLogsIssuedAndRefusedWithoutKeysOrSecrets(CapturedOutput output) {
        StripeStandIn.answer(200, "connection-token.json");

        HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Api-Key", TestKeys.CONNECT));
        HttpCall.send(
                HttpCall.to(this.port, "/connection_token?location=tml_Other").header("X-Api-Key", TestKeys.LIMITED));
        HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Api-Key", "ctk_wrong_key_123"));

        assertThat(output)
                .containsPattern("outcome=issued client=key:connect-store location=- account=acct_1Connected"
                        + " stripe_request_id=req_StandIn123 waited_ms=\\d+ api_key="
                        + TestKeys.sha256(TestKeys.CONNECT).substring(0, 8))
                .contains("outcome=refused client=key:limited-store location=tml_Other account=- status=403"
                        + " reason=location_not_allowed")
                .containsPattern("outcome=refused client=ip:\\S+ .*status=401 reason=invalid_credentials")
                .doesNotContain(TestKeys.CONNECT, TestKeys.LIMITED, "ctk_wrong_key_123", StripeStandIn.SECRET_KEY)
                .doesNotContain("pst_test_YWNjdF8x");
    }
}
