package dev.connectiontoken.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed requests written byte for byte on the socket, as an attacker or a broken client would send
 * them. Each gets a 4xx in the problem shape: never a 5xx, never a stack trace, never a call to Stripe.
 */
class HostileInputCorpusIntegrationTests extends AbstractStripeIntegrationTests {

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    private static int lastPort;

    static Stream<Arguments> corpus() {
        String nested = "[".repeat(3000) + "]".repeat(3000);
        String manyParameters =
                IntStream.range(0, 1200).mapToObj((i) -> "p" + i + "=1").collect(Collectors.joining("&"));
        return Stream.of(
                body("broken JSON", "application/json", "{\"location\": "),
                body("JSON cut inside a string", "application/json", "{\"location\": \"tml_1"),
                body("deeply nested JSON", "application/json", "{\"location\": " + nested + "}"),
                body("deeply nested objects", "application/json", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)),
                body("number for location", "application/json", "{\"location\": 12}"),
                body("object for location", "application/json", "{\"location\": {}}"),
                body("string for expand", "application/json", "{\"expand\": \"a\"}"),
                body("JSON array body", "application/json", "[1, 2, 3]"),
                body("JSON number body", "application/json", "42"),
                body("empty JSON key", "application/json", "{\"\": \"x\"}"),
                raw("invalid UTF-8 in JSON", "POST", "/connection_token", "application/json", new byte[] {
                    '{', '"', 'l', 'o', 'c', 'a', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xFF, '"', '}'
                }),
                raw(
                        "raw NUL in a form value",
                        "POST",
                        "/connection_token",
                        "application/x-www-form-urlencoded",
                        "location=tml_\0abc".getBytes(StandardCharsets.ISO_8859_1)),
                body("encoded NUL in a form value", "application/x-www-form-urlencoded", "location=tml_%00abc"),
                body(
                        "encoded CR LF in a form value",
                        "application/x-www-form-urlencoded",
                        "location=tml_1%0D%0ASet-Cookie:%20x"),
                body("escaped NUL in JSON", "application/json", "{\"location\": \"tml_\\u0000\"}"),
                body("non-ASCII location", "application/x-www-form-urlencoded", "location=tml_%C3%A9"),
                body("thousands of form parameters", "application/x-www-form-urlencoded", manyParameters),
                body("expand with 300 entries", "application/x-www-form-urlencoded", "expand[]=a&".repeat(300)),
                body(
                        "location over 5000 characters",
                        "application/x-www-form-urlencoded",
                        "location=tml_" + "a".repeat(6000)),
                body(
                        "multi-megabyte form body",
                        "application/x-www-form-urlencoded",
                        "location=" + "a".repeat(3 << 20)),
                body("multi-megabyte JSON body", "application/json", "{\"location\": \"" + "a".repeat(3 << 20) + "\"}"),
                body("XML body", "application/xml", "<location>tml_1</location>"),
                body("plain-text body", "text/plain", "location=tml_1"),
                body("octet-stream body", "application/octet-stream", "\u0001\u0002"),
                body(
                        "multipart body",
                        "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"location\"\r\n\r\ntml_1\r\n--b--\r\n"),
                body("Latin-1 form", "application/x-www-form-urlencoded; charset=ISO-8859-1", "location=tml_1"),
                body("unknown charset", "application/json; charset=x-klingon", "{}"),
                body("malformed Content-Type", "application/", "{}"),
                request(
                        "gzip Content-Encoding",
                        "POST /connection_token HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n"
                                + "Connection: close\r\n\r\n\u001f\u008b\u0008\u0000"),
                method("GET"),
                method("PUT"),
                method("DELETE"),
                method("PATCH"),
                method("TRACE"),
                method("FOO"),
                request("unknown path", "POST /admin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                request(
                        "path traversal",
                        "GET /connection_token/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n"
                                + "Connection: close\r\n\r\n"),
                request(
                        "encoded traversal",
                        "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n"),
                request(
                        "bad percent-encoding in the query",
                        "POST /connection_token?location=%zz HTTP/1.1\r\n"
                                + "Host: localhost\r\nConnection: close\r\n\r\n"),
                request(
                        "thousands of query parameters",
                        "POST /connection_token?" + manyParameters
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                request(
                        "header over the limit",
                        "POST /connection_token HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(10_000)
                                + "\r\nConnection: close\r\n\r\n"),
                request("garbage request line", "GARBAGE\r\n\r\n"),
                request(
                        "header line without a colon",
                        "POST /connection_token HTTP/1.1\r\nHost: localhost\r\n"
                                + "Broken header\r\nConnection: close\r\n\r\n"),
                request(
                        "two different Content-Lengths",
                        "POST /connection_token HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Length: 3\r\nContent-Length: 5\r\nConnection: close\r\n\r\nabcde"),
                request(
                        "negative Content-Length",
                        "POST /connection_token HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Length: -5\r\nConnection: close\r\n\r\n"),
                request(
                        "unsupported Transfer-Encoding",
                        "POST /connection_token HTTP/1.1\r\nHost: localhost\r\n"
                                + "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n"),
                request("HTTP/1.1 without Host", "POST /connection_token HTTP/1.1\r\nConnection: close\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileRequestGets4xxProblem(String name, byte[] request) {
        lastPort = this.port;

        String answer = HttpCall.raw(this.port, request);

        Matcher status = STATUS.matcher(answer);
        assertThat(status.find())
                .as("a status line in %s", answer.lines().findFirst().orElse(""))
                .isTrue();
        assertThat(Integer.parseInt(status.group(1))).as(name).isBetween(400, 499);
        {
            assertThat(answer).as(name).contains("application/problem+json").contains("\"status\":" + status.group(1));
        }
        assertThat(answer).doesNotContain("Exception", "\tat ", "<html");
        assertThat(StripeStandIn.requests()).isEmpty();
    }

    @AfterAll
    static void serviceKeepsServing() {
        StripeStandIn.reset();
        StripeStandIn.answer(200, "connection-token.json");

        assertThat(HttpCall.post(lastPort, "/connection_token", null, null).statusCode())
                .isEqualTo(200);
    }

    private static Arguments body(String name, String contentType, String body) {
        return raw(name, "POST", "/connection_token", contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments method(String method) {
        return request(
                method + " on the endpoint",
                method + " /connection_token HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n");
    }

    private static Arguments request(String name, String raw) {
        return Arguments.of(name, raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Arguments raw(String name, String method, String path, String contentType, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return Arguments.of(name, request.toByteArray());
    }
}
