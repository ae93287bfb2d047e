package dev.connectiontoken.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token-bucket limits on {@code POST /connection_token}, per client, or per IP address for callers that do not
 * authenticate. The defaults leave room for a Terminal SDK fetching twice per reader connect.
 *
 * @param enabled whether requests are limited at all
 * @param burst how many requests a client may make at once
 * @param perMinute how many requests a client may make per minute, sustained
 * @param store {@code memory} (one replica) or {@code redis} (limits shared by every replica, through the Redis of
 *     {@code spring.data.redis.*})
 * @param failureMode what a request gets when the store fails: {@code open} lets it through (the limit protects
 *     against abuse; authentication still applies), {@code closed} answers 503 with {@code Retry-After}
 */
@ConfigurationProperties("connection-token.rate-limit")
@Validated
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") @Min(1) long burst,
        @DefaultValue("60") @Min(1) long perMinute,
        @DefaultValue("memory") @NotNull Store store,
        @DefaultValue("open") @NotNull FailureMode failureMode) {

    /** A caller's bucket: {@code burst} at once, refilled at {@code perMinute}. */
    BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit((limit) -> limit.capacity(this.burst).refillGreedy(this.perMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** What happens to a request when the bucket store cannot be asked. */
    public enum FailureMode {
        OPEN,
        CLOSED
    }

    /** Where buckets live. */
    public enum Store {
        MEMORY,
        REDIS
    }
}
