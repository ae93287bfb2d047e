package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** One id per request: accepted or generated, echoed, in every error body and every log line. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests extends AbstractStripeIntegrationTests {

    @Test
    void callersIdIsEchoedAndLogged(CapturedOutput output) {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Request-Id", "pos-7f3a.42"));

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("pos-7f3a.42");
        assertThat(output.getOut().lines())
                .anySatisfy((line) -> assertThat(line).contains("pos-7f3a.42", "outcome=issued"));
    }

    @Test
    void missingIdIsGenerated() {
        HttpResponse<String> response = post("/connection_token", "application/json", "{\"location\": 1}");

        assertThat(response.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying((id) -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void insaneIdIsReplaced() {
        HttpResponse<String> response = HttpCall.send(
                HttpCall.to(this.port, "/connection_token?foo=1").header("X-Request-Id", "x".repeat(200)));

        assertThat(response.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying((id) -> assertThat(id).hasSize(36));
    }

    @Test
    void errorBodiesCarryTheId() {
        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token?foo=1").header("X-Request-Id", "req-abc"));

        assertThat(assertProblem(response, 400).path("request_id").asString()).isEqualTo("req-abc");
        assertThat(response.body()).startsWith("{\"type\":").endsWith(",\"request_id\":\"req-abc\"}");
    }

    @Test
    void containerErrorsCarryTheIdToo() {
        String request = "TRACE /connection_token HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: trace-1\r\n"
                + "Connection: close\r\n\r\n";

        String answer = HttpCall.raw(this.port, request.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).contains("X-Request-Id: trace-1").contains("\"request_id\":\"trace-1\"");
    }
}
