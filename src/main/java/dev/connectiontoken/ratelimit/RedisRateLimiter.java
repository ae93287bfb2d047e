package dev.connectiontoken.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Buckets in Redis (Bucket4j on Spring Boot's Lettuce connection), so that every replica enforces one shared limit. */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    static final String KEY_PREFIX = "connection-token:rate-limit:";

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final StatefulConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;

    RedisRateLimiter(LettuceConnectionFactory redis, Duration timeout, RateLimitProperties properties) {
        ExpirationAfterWriteStrategy expiry =
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(RateLimiter.timeToFill(properties));
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
        this.configuration = RateLimiter.configuration(properties);
    }

    @Override
    public ConsumptionProbe tryConsume(String key) {
        return this.buckets
                .builder()
                .build(KEY_PREFIX + key, () -> this.configuration)
                .tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void close() {
        this.connection.close();
    }
}
