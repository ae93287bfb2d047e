package dev.connectiontoken.ratelimit;

import java.time.Duration;
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
    LocalRateLimiter localRateLimiter(RateLimitProperties properties) {
        return new LocalRateLimiter(properties);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    RedisRateLimiter redisRateLimiter(
            LettuceConnectionFactory redis, DataRedisProperties redisProperties, RateLimitProperties properties) {
        Duration timeout =
                (redisProperties.getTimeout() != null) ? redisProperties.getTimeout() : Duration.ofMillis(500);
        return new RedisRateLimiter(redis, timeout, properties);
    }

    /** Boot's own Redis health indicator, shown as {@code rateLimitStore}; the probes leave it out. */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    HealthIndicator rateLimitStoreHealthIndicator(LettuceConnectionFactory redis) {
        return new DataRedisHealthIndicator(redis);
    }
}
