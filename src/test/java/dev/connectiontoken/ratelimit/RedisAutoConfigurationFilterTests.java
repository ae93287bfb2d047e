package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** Spring Boot's Redis auto-configurations are left out unless the rate-limit store is Redis. */
class RedisAutoConfigurationFilterTests {

    private final RedisAutoConfigurationFilter filter = new RedisAutoConfigurationFilter();

    @Test
    void theDefaultMemoryStoreLeavesRedisOut() {
        assertThat(excludedAfterFilter(new MockEnvironment()))
                .containsExactlyElementsOf(RedisAutoConfigurationFilter.REDIS_AUTO_CONFIGURATIONS);
    }

    @Test
    void anExplicitMemoryStoreLeavesRedisOut() {
        MockEnvironment environment = new MockEnvironment().withProperty("connection-token.rate-limit.store", "MEMORY");

        assertThat(excludedAfterFilter(environment))
                .containsAll(RedisAutoConfigurationFilter.REDIS_AUTO_CONFIGURATIONS);
    }

    @Test
    void theRedisStoreKeepsEveryAutoConfiguration() {
        MockEnvironment environment = new MockEnvironment().withProperty("connection-token.rate-limit.store", "redis");

        assertThat(excludedAfterFilter(environment)).isEmpty();
    }

    @Test
    void exclusionsAlreadySetAreKept() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(RedisAutoConfigurationFilter.EXCLUDE, "com.example.OneAutoConfiguration");

        List<String> excluded = excludedAfterFilter(environment);

        assertThat(excluded).startsWith("com.example.OneAutoConfiguration");
        assertThat(excluded).containsAll(RedisAutoConfigurationFilter.REDIS_AUTO_CONFIGURATIONS);
    }

    @Test
    void aStoreThatDoesNotBindIsLeftToValidation() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("connection-token.rate-limit.store", "memcached");

        assertThat(excludedAfterFilter(environment)).isEmpty();
    }

    private List<String> excludedAfterFilter(MockEnvironment environment) {
        this.filter.postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment)
                .bind(RedisAutoConfigurationFilter.EXCLUDE, Bindable.listOf(String.class))
                .orElse(List.of());
    }
}
