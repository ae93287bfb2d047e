package dev.connectiontoken.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Supplier;

/** Where Bucket4j's buckets live: in this process, or in Redis for every replica ({@code rate-limit.store}). */
public interface BucketStore {

    /** The bucket under {@code key}, created with {@code configuration} when it does not exist yet. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);
}
