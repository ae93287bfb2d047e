package dev.connectiontoken.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.HttpCall;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With no key, as on a fresh checkout: visibly fake tokens and locations, said so in a header, and the same strict input
 * rules.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "STRIPE_SECRET_KEY=")
class OfflineModeIntegrationTests {

    @LocalServerPort
    private int port;

    @Test
    void createIssuesOfflineTokenAndSaysSo() {
        HttpResponse<String> response = HttpCall.post(this.port, "/connection_token", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Connection-Token-Mode")).hasValue("offline");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(HttpCall.json(response.body()).path("secret").asString())
                .matches("pst_test_offline_[A-Za-z0-9]{32}");
    }

    @Test
    void anErrorAnswerIsMarkedOfflineToo() {
        HttpResponse<String> response = HttpCall.post(this.port, "/connection_token?locaton=tml_A", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Connection-Token-Mode")).hasValue("offline");
    }

    @Test
    void locationsAreVisiblyFakeAndSaidSo() {
        HttpResponse<String> response = HttpCall.send(this.port, "GET", "/locations", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Connection-Token-Mode")).hasValue("offline");
        assertThat(HttpCall.json(response.body())
                        .path("data")
                        .valueStream()
                        .map((entry) -> entry.path("display_name").asString()))
                .isNotEmpty()
                .allSatisfy((name) -> assertThat(name).contains("(fake)"));
    }

    @Test
    void createIssuesAFreshTokenEachTime() {
        String first = secret(HttpCall.post(this.port, "/connection_token", null, null));
        String second = secret(HttpCall.post(this.port, "/connection_token", null, null));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void createWithLocationScopesTheOfflineToken() {
        HttpResponse<String> response = HttpCall.post(
                this.port, "/connection_token", "application/x-www-form-urlencoded", "location=tml_Offline1");

        assertThat(HttpCall.json(response.body()).path("location").asString()).isEqualTo("tml_Offline1");
    }

    @Test
    void createStillRefusesBadInput() {
        HttpResponse<String> response =
                HttpCall.post(this.port, "/connection_token", "application/json", "{\"location\": 1}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private static String secret(HttpResponse<String> response) {
        JsonNode body = HttpCall.json(response.body());
        return body.path("secret").asString();
    }
}
