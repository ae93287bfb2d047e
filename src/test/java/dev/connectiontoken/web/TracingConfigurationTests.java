package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The sampler records spans only when an exporter will take them. */
class TracingConfigurationTests {

    private static final Sampler CONFIGURED = Sampler.parentBased(Sampler.traceIdRatioBased(0.1));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TracingConfiguration.class)
            .withBean(Sampler.class, () -> CONFIGURED);

    @Test
    void withoutAnExporterNothingIsRecorded() {
        this.runner.run((context) -> assertThat(context.getBean(Sampler.class)).isEqualTo(Sampler.alwaysOff()));
    }

    @Test
    void withAnExporterTheConfiguredSamplerStays() {
        this.runner
                .withBean(SpanExporter.class, InMemorySpanExporter::create)
                .run((context) -> assertThat(context.getBean(Sampler.class)).isSameAs(CONFIGURED));
    }
}
