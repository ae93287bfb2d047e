package dev.connectiontoken.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.boot.health.contributor.Health;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap on Lettuce), so every replica behind a load balancer enforces one
 * shared limit per client. Keys expire once their bucket would be full again.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    static final String KEY_PREFIX = "connection-token:rate-limit:";

    private final RedisClient client;

    private final StatefulRedisConnection<String, byte[]> connection;

    private final ProxyManager<String> buckets;

    private final BucketConfiguration configuration;

    RedisRateLimiter(RateLimitProperties properties) {
        this.client = RedisClient.create(RedisURI.builder(RedisURI.create(properties.redisUrl()))
                .withTimeout(properties.redisTimeout())
                .build());
        this.connection = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        RateLimiter.timeToFill(properties)))
                .requestTimeout(properties.redisTimeout())
                .build();
        this.configuration = RateLimiter.configuration(properties);
    }

    @Override
    public ConsumptionProbe tryConsume(String key) {
        return this.buckets
                .builder()
                .build(KEY_PREFIX + key, () -> this.configuration)
                .tryConsumeAndReturnRemaining(1);
    }

    /** Up when Redis answers a PING within the store's timeout. */
    Health health() {
        try {
            this.connection.sync().ping();
            return Health.up().build();
        } catch (RuntimeException ex) {
            return Health.down()
                    .withDetail("error", ex.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public void close() {
        this.connection.close();
        this.client.shutdown();
    }
}
