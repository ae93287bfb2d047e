package dev.connectiontoken.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Buckets in Redis (Bucket4j on Spring Boot's Lettuce connection), so that every replica enforces one shared limit. */
final class RedisBucketStore implements BucketStore, AutoCloseable {

    static final String KEY_PREFIX = "connection-token:";

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final StatefulConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;

    RedisBucketStore(LettuceConnectionFactory redis, Duration timeout) {
        // A full bucket is the same as none: Redis forgets it a second after it refilled.
        ExpirationAfterWriteStrategy expiry =
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1));
        AbstractRedisClient client = redis.getRequiredNativeClient();
        Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder;
        if (client instanceof RedisClusterClient cluster) {
            var clusterConnection = cluster.connect(CODEC);
            this.connection = clusterConnection;
            builder = Bucket4jLettuce.casBasedBuilder(clusterConnection);
        } else {
            var standaloneConnection = ((RedisClient) client).connect(CODEC);
            this.connection = standaloneConnection;
            builder = Bucket4jLettuce.casBasedBuilder(standaloneConnection);
        }
        this.buckets =
                builder.expirationAfterWrite(expiry).requestTimeout(timeout).build();
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        // Concurrent calls on one bucket object share a round trip, rather than race on a hot key.
        return this.buckets.builder().withOptimization(Optimizations.batching()).build(KEY_PREFIX + key, configuration);
    }

    @Override
    public void close() {
        this.connection.close();
    }
}
