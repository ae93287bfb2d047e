package dev.connectiontoken.ratelimit;

import dev.connectiontoken.stripe.StripeMode;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The bucket store {@code connection-token.rate-limit.store} names: memory, or Redis through Spring Boot's connection. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    static final String STORE = "connection-token.rate-limit.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    LocalBucketStore localBucketStore(RateLimitProperties properties) {
        // A bucket forgotten when idle comes back full: forget it a minute after it would have refilled.
        Duration refill = Duration.ofMinutes(properties.burst()).dividedBy(properties.perMinute());
        return new LocalBucketStore(refill.plusMinutes(1), TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    RedisBucketStore redisBucketStore(LettuceConnectionFactory redis, DataRedisProperties redisProperties) {
        Duration timeout =
                (redisProperties.getTimeout() != null) ? redisProperties.getTimeout() : Duration.ofMillis(500);
        return new RedisBucketStore(redis, timeout);
    }

    /** The Stripe budget, in the same store as the limits (offline mode, calling no Stripe, never uses it). */
    @Bean
    BucketStripeBudget stripeBudget(
            BucketStore buckets, StripeBudgetProperties properties, StripeMode mode, MeterRegistry meters) {
        String name = mode.name().toLowerCase(Locale.ROOT);
        return new BucketStripeBudget(
                buckets, properties, name, meters, TimeMeter.SYSTEM_MILLISECONDS, BlockingStrategy.PARKING);
    }

    /** Boot's own Redis health indicator, shown as {@code rateLimitStore}; the probes leave it out. */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    HealthIndicator rateLimitStoreHealthIndicator(LettuceConnectionFactory redis) {
        return new DataRedisHealthIndicator(redis);
    }
}
