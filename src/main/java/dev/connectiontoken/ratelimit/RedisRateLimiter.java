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

/**
 * Buckets in Redis (Bucket4j's compare-and-swap on Lettuce), so every replica behind a load balancer enforces one
 * shared limit per client. The connection is Spring Boot's ({@code spring.data.redis.*}: URL, password, SSL bundle,
 * standalone, sentinel or cluster); keys expire once their bucket would be full again.
 */
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
        if (client instanceof RedisClusterClient cluster) {
            var clusterConnection = cluster.connect(CODEC);
            this.connection = clusterConnection;
            this.buckets = Bucket4jLettuce.casBasedBuilder(clusterConnection)
                    .expirationAfterWrite(expiry)
                    .requestTimeout(timeout)
                    .build();
        } else {
            var standaloneConnection = ((RedisClient) client).connect(CODEC);
            this.connection = standaloneConnection;
            this.buckets = Bucket4jLettuce.casBasedBuilder(standaloneConnection)
                    .expirationAfterWrite(expiry)
                    .requestTimeout(timeout)
                    .build();
        }
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
