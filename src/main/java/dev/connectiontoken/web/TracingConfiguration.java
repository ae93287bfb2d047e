package dev.connectiontoken.web;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spans are recorded only when something exports them. Spring Boot always builds a batch span processor, exporters or
 * not, so without an exporter each sampled span would be kept in its queue for nothing, at a cost in CPU per token
 * (docs/PERFORMANCE.md). Without an exporter the sampler is {@link Sampler#alwaysOff()}: the trace context still
 * works (a caller's {@code traceparent} is continued, trace and span ids are in every log line) but no span is
 * recorded. With an exporter (an OTLP endpoint, say) Spring Boot's sampler stays, as configured.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    static BeanPostProcessor noRecordingWithoutExporter(ObjectProvider<SpanExporter> exporters) {
        return new BeanPostProcessor() {

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof Sampler && exporters.stream().findAny().isEmpty()) {
                    return Sampler.alwaysOff();
                }
                return bean;
            }
        };
    }
}
