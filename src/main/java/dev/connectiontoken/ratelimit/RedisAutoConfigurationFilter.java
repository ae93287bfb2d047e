package dev.connectiontoken.ratelimit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's Redis, Netty and Spring Data auto-configurations out unless
 * {@code connection-token.rate-limit.store} is {@code redis}: with the default memory store nothing uses a Redis client,
 * and making one (Lettuce, Netty, Reactor) cost 4 to 10 % of startup, 1,600 classes and 9 MB of metaspace
 * (docs/PERFORMANCE.md, "What was tried"). The store is read as {@link RateLimitConfiguration}'s conditions read it,
 * and before any auto-configuration is parsed; filtering by package catches those a Spring Boot upgrade adds.
 */
class RedisAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    /** The packages of the auto-configurations that spring-boot-starter-data-redis brings, and nothing else needs. */
    static final List<String> REDIS_PACKAGES = List.of(
            "org.springframework.boot.data.redis.",
            "org.springframework.boot.data.autoconfigure.",
            "org.springframework.boot.netty.");

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(@Nullable String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean keepAll = this.environment == null
                || "redis".equalsIgnoreCase(this.environment.getProperty(RateLimitConfiguration.STORE));
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = keepAll || candidate == null || REDIS_PACKAGES.stream().noneMatch(candidate::startsWith);
        }
        return matches;
    }
}
