package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * With no exporter, as the service runs unless an OTLP endpoint is set: the caller's trace id is still in the log
 * lines.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureTracing
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
class TracingWithoutExporterIntegrationTests extends AbstractStripeIntegrationTests {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void nothingIsRecordedButLogLinesCarryTheCallersTraceId(CapturedOutput output) {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = HttpCall.send(HttpCall.to(this.port, "/connection_token")
                .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(output).containsPattern(TRACE_ID + ".*outcome=issued|outcome=issued.*" + TRACE_ID);
    }
}
