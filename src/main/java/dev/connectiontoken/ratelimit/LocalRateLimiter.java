package dev.connectiontoken.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/** Buckets in this process, for one replica; bounded and forgotten once full, so many addresses cannot fill memory. */
final class LocalRateLimiter implements RateLimiter {

    private final BucketConfiguration configuration;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter clock;

    LocalRateLimiter(RateLimitProperties properties) {
        this(properties, TimeMeter.SYSTEM_MILLISECONDS);
    }

    // Tests pass a clock they move by hand.
    LocalRateLimiter(RateLimitProperties properties, TimeMeter clock) {
        this.clock = clock;
        this.configuration = RateLimiter.configuration(properties);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(RateLimiter.timeToFill(properties))
                .maximumSize(100_000)
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key) {
        Bucket bucket = this.buckets.get(
                key,
                (ignored) -> Bucket.builder()
                        .addLimit(this.configuration.getBandwidths()[0])
                        .withCustomTimePrecision(this.clock)
                        .build());
        return bucket.tryConsumeAndReturnRemaining(1);
    }
}
