package dev.connectiontoken.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Takes one token from a caller's bucket. */
interface RateLimiter {

    ConsumptionProbe tryConsume(String key);

    static BucketConfiguration configuration(RateLimitProperties properties) {
        return BucketConfiguration.builder()
                .addLimit((limit) ->
                        limit.capacity(properties.burst()).refillGreedy(properties.perMinute(), Duration.ofMinutes(1)))
                .build();
    }

    /** How long an idle bucket takes to refill completely: after that it can be forgotten. */
    static Duration timeToFill(RateLimitProperties properties) {
        long millis = Math.max(1, properties.burst() * 60_000 / properties.perMinute());
        return Duration.ofMillis(millis).plusSeconds(1);
    }
}
