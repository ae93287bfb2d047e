package dev.connectiontoken.ratelimit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Leaves Spring Boot's Redis and Spring Data auto-configurations out unless {@code connection-token.rate-limit.store}
 * is {@code redis}: with the default memory store nothing uses a Redis client, and making one (Lettuce, Netty,
 * Reactor) cost about 5 % of startup, 1,600 classes and 9 MB of metaspace (docs/PERFORMANCE.md, "What was tried").
 * Exclusions already set in {@code spring.autoconfigure.exclude} are kept. A store value that does not bind is left to
 * {@link RateLimitProperties}'s validation to report, with every auto-configuration in place.
 */
class RedisAutoConfigurationFilter implements EnvironmentPostProcessor {

    static final String EXCLUDE = "spring.autoconfigure.exclude";

    /** The auto-configurations that spring-boot-starter-data-redis brings, and nothing else needs. */
    static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
            "org.springframework.boot.netty.autoconfigure.NettyAutoConfiguration",
            "org.springframework.boot.data.autoconfigure.metrics.DataRepositoryMetricsAutoConfiguration",
            "org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        RateLimitProperties.Store store;
        try {
            store = binder.bind("connection-token.rate-limit.store", RateLimitProperties.Store.class)
                    .orElse(RateLimitProperties.Store.MEMORY);
        } catch (RuntimeException ex) {
            return; // reported by RateLimitProperties' binding, with the usual message
        }
        if (store == RateLimitProperties.Store.REDIS) {
            return;
        }
        Set<String> excluded = new LinkedHashSet<>(
                binder.bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
        excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "connectionTokenRedisStoreOff", Map.of(EXCLUDE, String.join(",", excluded))));
    }
}
