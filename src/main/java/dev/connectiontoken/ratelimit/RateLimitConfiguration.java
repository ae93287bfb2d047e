package dev.connectiontoken.ratelimit;

import dev.connectiontoken.audit.AuditLog;
import dev.connectiontoken.error.ProblemResponseWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the bucket store named by {@code connection-token.rate-limit.store} (memory, or Redis with a health indicator)
 * and builds the filter on it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final String STORE = "connection-token.rate-limit.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    LocalRateLimiter localRateLimiter(RateLimitProperties properties) {
        return new LocalRateLimiter(properties);
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    RedisRateLimiter redisRateLimiter(RateLimitProperties properties) {
        return new RedisRateLimiter(properties);
    }

    /** {@code rateLimitStore} in {@code /actuator/health}; not in the probes, since a failing store need not stop us. */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    HealthIndicator rateLimitStoreHealthIndicator(RedisRateLimiter limiter) {
        return limiter::health;
    }

    @Bean
    RateLimitFilter rateLimitFilter(
            RateLimiter rateLimiter,
            RateLimitProperties properties,
            ProblemResponseWriter writer,
            AuditLog audit,
            MeterRegistry meters) {
        return new RateLimitFilter(rateLimiter, properties, writer, audit, meters);
    }

    /** The filter runs inside the security chain, after authentication; not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
