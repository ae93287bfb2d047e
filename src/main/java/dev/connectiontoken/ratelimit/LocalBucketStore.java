package dev.connectiontoken.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

/** Buckets in this process, for one replica; bounded and forgotten when idle, so many addresses cannot fill memory. */
final class LocalBucketStore implements BucketStore {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter clock;

    // Tests pass a clock they move by hand.
    LocalBucketStore(Duration idle, TimeMeter clock) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(idle)
                .maximumSize(100_000)
                .build();
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return this.buckets.get(key, (ignored) -> {
            LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(this.clock);
            Arrays.stream(configuration.get().getBandwidths()).forEach(builder::addLimit);
            return builder.build();
        });
    }
}
