package dev.connectiontoken.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every malformed request gets a 4xx in the one problem shape, naming what is wrong, and never reaches Stripe.
 */
class ConnectionTokenBadRequestIntegrationTests extends AbstractStripeIntegrationTests {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static final String JSON = "application/json";

    @AfterEach
    void nothingReachedStripe() {
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    static Stream<Arguments> invalidParameters() {
        return Stream.of(
                Arguments.of(
                        "unknown form parameter",
                        "/connection_token",
                        FORM,
                        "locaton=tml_1",
                        "locaton",
                        "parameter_unknown"),
                Arguments.of(
                        "unknown query parameter", "/connection_token?foo=1", null, null, "foo", "parameter_unknown"),
                Arguments.of(
                        "unknown JSON member",
                        "/connection_token",
                        JSON,
                        "{\"foo\": \"x\"}",
                        "foo",
                        "parameter_unknown"),
                Arguments.of(
                        "empty form location",
                        "/connection_token",
                        FORM,
                        "location=",
                        "location",
                        "parameter_invalid_empty"),
                Arguments.of(
                        "bare form location",
                        "/connection_token",
                        FORM,
                        "location",
                        "location",
                        "parameter_invalid_empty"),
                Arguments.of(
                        "empty query location",
                        "/connection_token?location=",
                        null,
                        null,
                        "location",
                        "parameter_invalid_empty"),
                Arguments.of(
                        "empty JSON location",
                        "/connection_token",
                        JSON,
                        "{\"location\": \"\"}",
                        "location",
                        "parameter_invalid_empty"),
                Arguments.of(
                        "location twice in a form",
                        "/connection_token",
                        FORM,
                        "location=tml_1&location=tml_2",
                        "location",
                        "parameter_duplicate"),
                Arguments.of(
                        "location in query and body",
                        "/connection_token?location=tml_1",
                        FORM,
                        "location=tml_2",
                        "location",
                        "parameter_duplicate"),
                Arguments.of(
                        "duplicate JSON key",
                        "/connection_token",
                        JSON,
                        "{\"location\": \"tml_1\", \"location\": \"tml_2\"}",
                        "location",
                        "parameter_duplicate"),
                Arguments.of(
                        "expand[0] twice",
                        "/connection_token",
                        FORM,
                        "expand[0]=a&expand[0]=b",
                        "expand[0]",
                        "parameter_duplicate"),
                Arguments.of(
                        "expand in query and body",
                        "/connection_token?expand=a",
                        JSON,
                        "{\"expand\": [\"b\"]}",
                        "expand",
                        "parameter_duplicate"),
                Arguments.of(
                        "JSON number for location",
                        "/connection_token",
                        JSON,
                        "{\"location\": 5}",
                        "location",
                        "parameter_invalid_type"),
                Arguments.of(
                        "JSON object for location",
                        "/connection_token",
                        JSON,
                        "{\"location\": {\"id\": \"tml_1\"}}",
                        "location",
                        "parameter_invalid_type"),
                Arguments.of(
                        "JSON array for location",
                        "/connection_token",
                        JSON,
                        "{\"location\": [\"tml_1\"]}",
                        "location",
                        "parameter_invalid_type"),
                Arguments.of(
                        "JSON boolean for location",
                        "/connection_token",
                        JSON,
                        "{\"location\": true}",
                        "location",
                        "parameter_invalid_type"),
                Arguments.of(
                        "JSON scalar for expand",
                        "/connection_token",
                        JSON,
                        "{\"expand\": \"a\"}",
                        "expand",
                        "parameter_invalid_type"),
                Arguments.of(
                        "JSON number in expand",
                        "/connection_token",
                        JSON,
                        "{\"expand\": [1]}",
                        "expand[0]",
                        "parameter_invalid_type"),
                Arguments.of(
                        "location not a Stripe id",
                        "/connection_token",
                        FORM,
                        "location=acct_123",
                        "location",
                        "parameter_invalid"),
                Arguments.of(
                        "location with NUL",
                        "/connection_token",
                        JSON,
                        "{\"location\": \"tml_1\\u0000\"}",
                        "location",
                        "parameter_invalid"),
                Arguments.of(
                        "location with CR LF",
                        "/connection_token",
                        FORM,
                        "location=tml_1%0D%0AX-Injected:%201",
                        "location",
                        "parameter_invalid"),
                Arguments.of(
                        "location over 5000 characters",
                        "/connection_token",
                        FORM,
                        "location=tml_" + "a".repeat(5000),
                        "location",
                        "parameter_invalid"),
                Arguments.of(
                        "blank expand field",
                        "/connection_token",
                        FORM,
                        "expand[]=",
                        "expand[0]",
                        "parameter_invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidParameters")
    void createWithInvalidParameterReturns400NamingIt(
            String rule, String path, String contentType, String body, String param, String code) {
        HttpResponse<String> response = post(path, contentType, body);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("type").asString()).endsWith(":invalid-parameters");
        assertThat(problem.path("error").path("param").asString()).isEqualTo(param);
        assertThat(problem.path("error").path("code").asString()).isEqualTo(code);
        assertThat(problem.path("errors").get(0).path("param").asString()).isEqualTo(param);
    }

    @Test
    void createListsEveryBadParameter() {
        HttpResponse<String> response = post("/connection_token?foo=1", FORM, "location=acct_5&expand[]=");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors")
                        .valueStream()
                        .map((error) -> error.path("param").asString()))
                .containsExactlyInAnyOrder("foo", "location", "expand[0]");
    }

    @Test
    void errorListIsCappedAtTwentyEntries() {
        // 30 blank expand fields: 30 "must not be blank" plus "at most 20 fields", more than the list may carry.
        String query = IntStream.range(0, 30)
                .mapToObj((index) -> "expand%5B" + index + "%5D=")
                .collect(Collectors.joining("&"));

        HttpResponse<String> response = post("/connection_token?" + query, null, null);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors").size()).as(response.body()).isEqualTo(20);
        assertThat(problem.path("error").path("message").asString()).contains("19 more problems");
    }

    @Test
    void createWithMoreParametersThanTomcatKeepsIsRefusedNotEmptied() {
        String body = IntStream.range(0, 1100).mapToObj((i) -> "p" + i + "=").collect(Collectors.joining("&"));

        JsonNode problem = assertProblem(post("/connection_token", FORM, body), 400);

        assertThat(problem.path("type").asString()).endsWith(":malformed-request");
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("broken JSON", JSON, "{\"location\": "),
                Arguments.of("JSON that is not an object", JSON, "[\"tml_1\"]"),
                Arguments.of("JSON string", JSON, "\"tml_1\""),
                Arguments.of("JSON with trailing content", JSON, "{} {}"),
                Arguments.of("deeply nested JSON", JSON, "[".repeat(2000) + "]".repeat(2000)),
                Arguments.of("bad percent-encoding", FORM, "location=tml_%zz"),
                Arguments.of("truncated percent-encoding", FORM, "location=tml_%4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void createWithMalformedBodyReturns400(String rule, String contentType, String body) {
        HttpResponse<String> response = post("/connection_token", contentType, body);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("type").asString()).endsWith(":malformed-request");
    }

    @Test
    void createWithInvalidUtf8FormReturns400() {
        JsonNode problem = assertProblem(post("/connection_token", FORM, "location=tml_%ff%fe"), 400);
        assertThat(problem.path("type").asString()).endsWith(":malformed-request");
    }

    @Test
    void createWithInvalidUtf8JsonReturns400() {
        byte[] body = {'{', '"', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/connection_token"))
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();

        assertProblem(HttpCall.send(request), 400);
    }

    @Test
    void createWithMalformedQueryStringReturns400() {
        String request = "POST /connection_token?location=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

        String answer = HttpCall.raw(this.port, request.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json", "malformed-request");
    }

    @Test
    void rawBracketsInTheQueryStringAre400AndEncodedOnesWork() {
        String raw = "POST /connection_token?expand[]=a HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        String encoded =
                "POST /connection_token?location=tml_A%5B HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

        assertThat(HttpCall.raw(this.port, raw.getBytes(StandardCharsets.US_ASCII)))
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json");
        // Percent-encoded, the brackets reach the request rules (here: not a location id).
        assertThat(HttpCall.raw(this.port, encoded.getBytes(StandardCharsets.US_ASCII)))
                .startsWith("HTTP/1.1 400")
                .contains("invalid-parameters");
    }

    @Test
    void createWithBodyOverTheLimitReturns413() {
        String body = "location=tml_" + "a".repeat(9000);

        JsonNode problem = assertProblem(post("/connection_token", FORM, body), 413);

        assertThat(problem.path("detail").asString()).contains("8192 bytes");
    }

    @Test
    void createWithChunkedBodyOverTheLimitReturns413() {
        String head = "POST /connection_token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";
        String chunk = "a".repeat(4096);
        String chunks = ("1000\r\n" + chunk + "\r\n").repeat(3) + "0\r\n\r\n";

        String answer = HttpCall.raw(this.port, (head + chunks).getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json", "\"status\":413");
    }

    @Test
    void createWithMultiMegabyteBodyReturns413() {
        String body = "location=" + "a".repeat(3 * 1024 * 1024);

        assertProblem(post("/connection_token", FORM, body), 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "multipart/form-data; boundary=x", "application/xml", "not a media type"})
    void createWithUnsupportedContentTypeReturns415(String contentType) {
        HttpResponse<String> response = post("/connection_token", contentType, "location=tml_1");

        assertProblem(response, 415);
        assertThat(response.headers().firstValue("Accept"))
                .hasValue("application/x-www-form-urlencoded, application/json");
    }

    @Test
    void createWithBodyButNoContentTypeReturns415() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/connection_token"))
                .POST(HttpRequest.BodyPublishers.ofString("location=tml_1"))
                .build();

        assertProblem(HttpCall.send(request), 415);
    }

    @Test
    void createWithNonUtf8CharsetReturns415() {
        assertProblem(post("/connection_token", FORM + "; charset=ISO-8859-1", "location=tml_1"), 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE"})
    void otherMethodsReturn405WithAllow(String method) {
        HttpResponse<String> response = HttpCall.send(this.port, method, "/connection_token", null, null);

        assertProblem(response, 405);
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void optionsIsAnsweredByMvcWithAllowAndNoToken() {
        HttpResponse<String> response = HttpCall.send(this.port, "OPTIONS", "/connection_token", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(
                        (allow) -> assertThat(allow).contains("POST").doesNotContain("GET"));
        assertThat(response.body()).doesNotContain("pst_");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @Test
    void headReturns405WithAllow() {
        HttpResponse<String> response = HttpCall.send(this.port, "HEAD", "/connection_token", null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
    }

    @Test
    void traceReturns405InProblemShape() {
        String request = "TRACE /connection_token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

        String answer = HttpCall.raw(this.port, request.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 405").contains("application/problem+json", "\"status\":405");
    }

    @Test
    void unknownPathReturns404() {
        JsonNode problem = assertProblem(post("/connection-token", null, null), 404);

        assertThat(problem.path("detail").asString()).contains("POST /connection_token");
    }

    @Test
    void errorPathItselfReturns404() {
        assertProblem(HttpCall.send(this.port, "GET", "/error", null, null), 404);
    }

    @Test
    void requestLineOverTheHeaderLimitGetsTheProblemShape() {
        String path = "/connection_token?location=tml_" + "a".repeat(10_000);

        HttpResponse<String> response = post(path, null, null);

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(HttpCall.json(response.body()).path("error").path("message").asString())
                .isNotBlank();
    }

    @Test
    void serviceKeepsServingAfterHostileRequests() {
        post("/connection_token", JSON, "{\"location\": " + "[".repeat(5000));
        post("/connection_token", FORM, "location=" + "a".repeat(3 * 1024 * 1024));
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = post("/connection_token", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        StripeStandIn.server().resetAll();
    }
}
