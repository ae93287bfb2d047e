package dev.connectiontoken.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every request shape the Terminal SDK examples and integrators send gets a 200 and reaches Stripe as intended. */
class ConnectionTokenRequestShapesIntegrationTests extends AbstractStripeIntegrationTests {

    private static final String LOCATION = "tml_FhUnkZQ3ERCm4R";

    static Stream<Arguments> unscopedShapes() {
        return Stream.of(
                Arguments.of("Android Retrofit @POST: no Content-Type, zero-length body", null, ""),
                Arguments.of(
                        "iOS Alamofire: form with charset, empty body",
                        "application/x-www-form-urlencoded; charset=utf-8",
                        ""),
                Arguments.of(
                        "JS demo URLSearchParams: empty form", "application/x-www-form-urlencoded;charset=UTF-8", ""),
                Arguments.of("React Native example: form, body \"\"", "application/x-www-form-urlencoded", ""),
                Arguments.of("React Native README: JSON, no body", "application/json", null),
                Arguments.of("Stripe docs fetch: bare POST", null, null),
                Arguments.of("JSON empty object", "application/json", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unscopedShapes")
    void createWithUnscopedShapeReturnsStripeToken(String shape, String contentType, String body) {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = post("/connection_token", contentType, body);

        assertToken(response, "pst_test_YWNjdF8xU3RhbmRJbjAwMDAwMDAwMDAwLFN0YW5kSW5Ub2tlbg", null);
        assertThat(StripeStandIn.form(sentToStripe())).isEmpty();
    }

    static Stream<Arguments> scopedShapes() {
        return Stream.of(
                Arguments.of("form", "/connection_token", "application/x-www-form-urlencoded", "location=" + LOCATION),
                Arguments.of("JSON", "/connection_token", "application/json", "{\"location\": \"" + LOCATION + "\"}"),
                Arguments.of("query string", "/connection_token?location=" + LOCATION, null, null),
                Arguments.of(
                        "query string and the same value in the form",
                        "/connection_token?location=" + LOCATION,
                        "application/x-www-form-urlencoded",
                        "location=" + LOCATION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopedShapes")
    void createWithLocationScopesTheToken(String shape, String path, String contentType, String body) {
        StripeStandIn.answer(200, "connection-token-scoped.json");

        HttpResponse<String> response = post(path, contentType, body);

        assertToken(response, "pst_test_YWNjdF8xU3RhbmRJbjAwMDAwMDAwMDAwLFNjb3BlZFRva2Vu", LOCATION);
        assertThat(StripeStandIn.form(sentToStripe())).isEqualTo(Map.of("location", List.of(LOCATION)));
    }

    static Stream<Arguments> expandShapes() {
        return Stream.of(
                Arguments.of(
                        "form expand[]",
                        "/connection_token",
                        "application/x-www-form-urlencoded",
                        "expand[]=a&expand[]=b"),
                Arguments.of(
                        "form expand[0]",
                        "/connection_token",
                        "application/x-www-form-urlencoded",
                        "expand%5B1%5D=b&expand%5B0%5D=a"),
                Arguments.of("JSON list", "/connection_token", "application/json", "{\"expand\": [\"a\", \"b\"]}"),
                Arguments.of("query string", "/connection_token?expand=a&expand=b", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expandShapes")
    void createWithExpandForwardsItAsIndexedList(String shape, String path, String contentType, String body) {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = post(path, contentType, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(StripeStandIn.form(sentToStripe()))
                .isEqualTo(Map.of("expand[0]", List.of("a"), "expand[1]", List.of("b")));
    }

    @Test
    void stripeJavasTelemetryIsNotSent() {
        StripeStandIn.answer(200, "connection-token.json");

        post("/connection_token", null, null);
        post("/connection_token", null, null);

        // stripe-java would report the first call's id and duration in a header of the second.
        assertThat(StripeStandIn.requests())
                .hasSize(2)
                .allSatisfy((sent) -> assertThat(sent.getRequest().containsHeader("X-Stripe-Client-Telemetry"))
                        .isFalse());
    }

    @Test
    void createSendsTheSecretKeyAsBearerToStripesEndpoint() {
        StripeStandIn.answer(200, "connection-token.json");

        post("/connection_token", "application/x-www-form-urlencoded", "location=" + LOCATION);

        ServeEvent sent = sentToStripe();
        assertThat(sent.getRequest().getMethod().value()).isEqualTo("POST");
        assertThat(sent.getRequest().getUrl()).isEqualTo(StripeStandIn.PATH);
        assertThat(sent.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + StripeStandIn.SECRET_KEY);
        // stripe-java's own client identification, which the transport builds once and sends on every call.
        assertThat(sent.getRequest().getHeader("X-Stripe-Client-User-Agent")).contains("\"bindings.version\"");
        assertThat(sent.getRequest().getHeader("User-Agent")).startsWith("Stripe/v1 JavaBindings/");
        assertThat(sent.getRequest().getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    }

    @Test
    void createWithoutAnyHeaderOrContentLengthReturnsToken() {
        StripeStandIn.answer(200, "connection-token.json");
        String request = "POST /connection_token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

        String answer = HttpCall.raw(this.port, request.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 200").contains("pst_test_");
    }

    @Test
    void createWithChunkedFormBodyScopesTheToken() {
        StripeStandIn.answer(200, "connection-token-scoped.json");
        String body = "location=" + LOCATION;
        String request = "POST /connection_token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "9\r\n" + body.substring(0, 9) + "\r\n"
                + Integer.toHexString(body.length() - 9) + "\r\n" + body.substring(9) + "\r\n0\r\n\r\n";

        String answer = HttpCall.raw(this.port, request.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(StripeStandIn.form(sentToStripe())).isEqualTo(Map.of("location", List.of(LOCATION)));
    }

    @Test
    void createMintsAFreshTokenOnEveryCall() {
        StripeStandIn.answer(200, "connection-token.json");

        post("/connection_token", null, null);
        post("/connection_token", null, null);

        assertThat(StripeStandIn.requests()).hasSize(2);
    }

    private static void assertToken(HttpResponse<String> response, String secret, String location) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Connection-Token-Mode")).isEmpty();
        JsonNode body = HttpCall.json(response.body());
        assertThat(body.path("secret").asString()).isEqualTo(secret);
        if (location == null) {
            assertThat(body.has("location")).isFalse();
        } else {
            assertThat(body.path("location").asString()).isEqualTo(location);
        }
    }

    private static ServeEvent sentToStripe() {
        List<ServeEvent> requests = StripeStandIn.requests();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
