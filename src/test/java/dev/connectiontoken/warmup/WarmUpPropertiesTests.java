package dev.connectiontoken.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The warm-up is off unless a duration is set, and its concurrency is bounded. */
class WarmUpPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesConfiguration.class);

    @Test
    void offByDefault() {
        this.runner.run((context) -> {
            WarmUpProperties properties = context.getBean(WarmUpProperties.class);
            assertThat(properties.enabled()).isFalse();
            assertThat(properties.duration()).isZero();
            assertThat(properties.requests()).isZero();
            assertThat(properties.concurrency()).isEqualTo(32);
            assertThat(properties.settle()).isZero();
        });
    }

    @Test
    void aDurationTurnsItOn() {
        this.runner.withPropertyValues("connection-token.warm-up.duration=20s").run((context) -> {
            WarmUpProperties properties = context.getBean(WarmUpProperties.class);
            assertThat(properties.enabled()).isTrue();
            assertThat(properties.duration()).isEqualTo(Duration.ofSeconds(20));
        });
    }

    @Test
    void aRequestCountAloneLeavesItOff() {
        this.runner
                .withPropertyValues("connection-token.warm-up.requests=10000")
                .run((context) -> {
                    WarmUpProperties properties = context.getBean(WarmUpProperties.class);
                    assertThat(properties.enabled()).isFalse();
                    assertThat(properties.requests()).isEqualTo(10_000);
                });
        this.runner
                .withPropertyValues("connection-token.warm-up.requests=-1")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void concurrencyOutOfRangeFailsStartup() {
        this.runner
                .withPropertyValues("connection-token.warm-up.concurrency=0")
                .run((context) -> assertThat(context).hasFailed());
        this.runner
                .withPropertyValues("connection-token.warm-up.concurrency=257")
                .run((context) -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WarmUpProperties.class)
    static class PropertiesConfiguration {}
}
