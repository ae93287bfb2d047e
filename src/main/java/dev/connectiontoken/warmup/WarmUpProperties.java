package dev.connectiontoken.warmup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code connection-token.warm-up.*}: how long the service exercises its own request path before it reports ready.
 *
 * @param duration how long to drive the in-process copy; {@code 0s} (the default) turns the warm-up off
 * @param concurrency how many requests the warm-up keeps in flight
 */
@ConfigurationProperties("connection-token.warm-up")
@Validated
public record WarmUpProperties(
        @DefaultValue("0s") @NotNull Duration duration,
        @DefaultValue("32") @Min(1) @Max(256) int concurrency) {

    boolean enabled() {
        return !this.duration.isZero() && !this.duration.isNegative();
    }
}
