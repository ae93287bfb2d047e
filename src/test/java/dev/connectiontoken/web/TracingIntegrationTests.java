package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * One request's spans, caught by an in-memory exporter: the caller's {@code traceparent} is continued, the Stripe call
 * is a child span carrying Stripe's request id, and the log lines carry the trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureTracing
@Import(TracingIntegrationTests.Exporter.class)
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
class TracingIntegrationTests extends AbstractStripeIntegrationTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Autowired
    private InMemorySpanExporter exporter;

    @Autowired
    private SdkTracerProvider tracerProvider;

    @Test
    void callersTraceIsContinuedAndTheStripeCallIsAChildSpan(CapturedOutput output) {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = HttpCall.send(HttpCall.to(this.port, "/connection_token")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01"));

        assertThat(response.statusCode()).isEqualTo(200);
        // The answer is written whole with its length, so it can reach the caller before the server span ends.
        List<SpanData> spans = await().atMost(Duration.ofSeconds(5))
                .until(
                        this::spansOfTheTrace,
                        (found) -> found.stream()
                                .anyMatch((span) -> span.getParentSpanId().equals(CALLER_SPAN_ID)));
        SpanData server = spans.stream()
                .filter((span) -> span.getParentSpanId().equals(CALLER_SPAN_ID))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server span continues the caller's: " + spans));
        SpanData stripe = spans.stream()
                .filter((span) -> span.getName().equals("stripe create_connection_token"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Stripe span: " + spans));
        assertThat(stripe.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(stripe.getAttributes().get(AttributeKey.stringKey("stripe.request_id")))
                .isEqualTo("req_StandIn123");
        assertThat(stripe.getAttributes().get(AttributeKey.stringKey("result"))).isEqualTo("success");
        assertThat(output).containsPattern(TRACE_ID + ".*outcome=issued|outcome=issued.*" + TRACE_ID);
    }

    private List<SpanData> spansOfTheTrace() {
        this.tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        return this.exporter.getFinishedSpanItems().stream()
                .filter((span) -> span.getTraceId().equals(TRACE_ID))
                .toList();
    }

    /** Replaces OTLP with memory: Spring Boot hands every SpanExporter bean the finished spans. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Exporter {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }
}
