package dev.connectiontoken.ratelimit;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's Redis, Netty and Spring Data auto-configurations out unless
 * {@code connection-token.rate-limit.store} is {@code redis}: with the default memory store nothing uses a Redis client,
 * and making one (Lettuce, Netty, Reactor) cost 4 to 10 % of startup, 1,600 classes and 9 MB of metaspace
 * (docs/PERFORMANCE.md, "What was tried"). The store is read as {@link RateLimitConfiguration}'s conditions read it,
 * and before any auto-configuration is parsed; filtering by package catches those a Spring Boot upgrade adds. What it
 * leaves out is listed among the exclusions of the condition report ({@code --debug}, and {@code /actuator/conditions}
 * where that endpoint is exposed).
 */
class RedisAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware, BeanFactoryAware {

    /** The packages of the auto-configurations that spring-boot-starter-data-redis brings, and nothing else needs. */
    private static final List<String> REDIS_PACKAGES = List.of(
            "org.springframework.boot.data.redis.",
            "org.springframework.boot.data.autoconfigure.",
            "org.springframework.boot.netty.");

    private @Nullable Environment environment;

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
            this.beanFactory = listable;
        }
    }

    @Override
    public boolean[] match(@Nullable String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean keepAll = this.environment == null
                || "redis".equalsIgnoreCase(this.environment.getProperty(RateLimitConfiguration.STORE));
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = keepAll || candidate == null || REDIS_PACKAGES.stream().noneMatch(candidate::startsWith);
            if (!matches[i]) {
                leftOut.add(candidate);
            }
        }
        if (this.beanFactory != null && !leftOut.isEmpty()) {
            ConditionEvaluationReport.get(this.beanFactory).recordExclusions(leftOut);
        }
        return matches;
    }
}
