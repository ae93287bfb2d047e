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
 * @param duration how long at most to drive the in-process copy; {@code 0s} (the default) turns the warm-up off
 * @param requests stop once this many requests have been sent, if that comes before the duration; {@code 0} (the
 *     default) runs the whole duration. The JIT compiles a method once it has run some thousands of times, so a count
 *     reaches the same compiled state on a fast machine and a slow or busy one, where a fixed time does not.
 * @param concurrency how many requests the warm-up keeps in flight
 * @param settle after that, how long at most to keep two requests in flight while the JIT compilers finish what the
 *     warm-up queued, stopping once they have been idle for a second; {@code 0s} (the default) skips this
 */
@ConfigurationProperties("connection-token.warm-up")
@Validated
public record WarmUpProperties(
        @DefaultValue("0s") @NotNull Duration duration,
        @DefaultValue("0") @Min(0) long requests,
        @DefaultValue("32") @Min(1) @Max(256) int concurrency,
        @DefaultValue("0s") @NotNull Duration settle) {

    boolean enabled() {
        return !this.duration.isZero() && !this.duration.isNegative();
    }
}
