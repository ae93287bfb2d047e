package dev.connectiontoken.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Browser POS apps: only the configured origins, preflight answered, foreign origins refused in the problem shape. */
@TestPropertySource(properties = "connection-token.cors.allowed-origins=https://pos.example.com")
class CorsIntegrationTests extends AbstractStripeIntegrationTests {

    @Test
    void preflightFromAllowedOriginIsAnswered() {
        HttpResponse<String> response = preflight("https://pos.example.com");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://pos.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(
                        (headers) -> assertThat(headers.toLowerCase()).contains("x-api-key", "content-type"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void postFromAllowedOriginGetsCorsHeaders() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("Origin", "https://pos.example.com"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://pos.example.com");
    }

    @Test
    void preflightFromForeignOriginIs403() {
        HttpResponse<String> response = preflight("https://evil.example.com");

        assertProblem(response, 403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void postFromForeignOriginIs403AndNeverReachesStripe() {
        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("Origin", "https://evil.example.com"));

        assertProblem(response, 403);
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void requestWithoutOriginIsNotACorsRequest() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = HttpCall.send(HttpCall.to(this.port, "/connection_token"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> preflight(String origin) {
        return HttpCall.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/connection_token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key, content-type")
                .build());
    }
}
