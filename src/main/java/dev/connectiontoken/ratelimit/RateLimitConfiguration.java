package dev.connectiontoken.ratelimit;

import dev.connectiontoken.audit.AuditLog;
import dev.connectiontoken.error.ProblemResponseWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the bucket store named by {@code connection-token.rate-limit.store} and builds the filter on it. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties) {
        return (properties.store() == RateLimitProperties.Store.REDIS)
                ? new RedisRateLimiter(properties)
                : new LocalRateLimiter(properties);
    }

    @Bean
    RateLimitFilter rateLimitFilter(
            RateLimiter rateLimiter, RateLimitProperties properties, ProblemResponseWriter writer, AuditLog audit) {
        return new RateLimitFilter(rateLimiter, properties, writer, audit);
    }

    /** The filter runs inside the security chain, after authentication; not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
