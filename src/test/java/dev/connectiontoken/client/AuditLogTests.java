package dev.connectiontoken.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code connection-token.audit.enabled}: the lines can be turned off, the counts cannot. */
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withUserConfiguration(TestConfiguration.class);

    @Test
    void writesAndCountsByDefault(CapturedOutput output) {
        this.runner.run((context) -> {
            context.getBean(AuditLog.class).refusedUnidentified("203.0.113.9", 401, "invalid_credentials");

            assertThat(output).contains("outcome=refused client=ip:203.0.113.9 location=- account=- status=401");
            assertThat(context.getBean(MeterRegistry.class)
                            .counter(
                                    "connection.token.requests",
                                    "client",
                                    "unidentified",
                                    "outcome",
                                    "refused",
                                    "reason",
                                    "invalid_credentials")
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void disabledStillCounts(CapturedOutput output) {
        this.runner.withPropertyValues("connection-token.audit.enabled=false").run((context) -> {
            context.getBean(AuditLog.class).refusedUnidentified("203.0.113.9", 401, "invalid_credentials");

            assertThat(output).doesNotContain("outcome=refused");
            assertThat(context.getBean(MeterRegistry.class)
                            .counter(
                                    "connection.token.requests",
                                    "client",
                                    "unidentified",
                                    "outcome",
                                    "refused",
                                    "reason",
                                    "invalid_credentials")
                            .count())
                    .isEqualTo(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditLog.Properties.class)
    @Import(AuditLog.class)
    static class TestConfiguration {}
}
