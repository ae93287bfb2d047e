package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.mock.env.MockEnvironment;

/** Spring Boot's Redis auto-configurations are left out unless the rate-limit store is Redis. */
class RedisAutoConfigurationFilterTests {

    private static final String REDIS = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration";

    private static final String WEB_MVC = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration";

    @Test
    void theDefaultMemoryStoreLeavesRedisOut() {
        assertThat(filter(new MockEnvironment(), REDIS, WEB_MVC)).containsExactly(false, true);
    }

    @Test
    void anExplicitMemoryStoreLeavesRedisOut() {
        MockEnvironment environment = new MockEnvironment().withProperty(RateLimitConfiguration.STORE, "memory");

        assertThat(filter(environment, REDIS, WEB_MVC)).containsExactly(false, true);
    }

    @Test
    void theRedisStoreKeepsEveryAutoConfigurationWhateverItsCase() {
        assertThat(filter(new MockEnvironment().withProperty(RateLimitConfiguration.STORE, "redis"), REDIS, WEB_MVC))
                .containsExactly(true, true);
        assertThat(filter(new MockEnvironment().withProperty(RateLimitConfiguration.STORE, "REDIS"), REDIS, WEB_MVC))
                .containsExactly(true, true);
    }

    @Test
    void whatIsLeftOutIsListedInTheConditionReport() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        RedisAutoConfigurationFilter filter = new RedisAutoConfigurationFilter();
        filter.setEnvironment(new MockEnvironment());
        filter.setBeanFactory(beanFactory);

        filter.match(new String[] {REDIS, WEB_MVC}, null);

        assertThat(ConditionEvaluationReport.get(beanFactory).getExclusions()).containsExactly(REDIS);
    }

    @Test
    void candidatesAlreadyFilteredOutStayOut() {
        assertThat(filter(new MockEnvironment(), null, WEB_MVC)).containsExactly(true, true);
    }

    @Test
    void everyAutoConfigurationOfTheRedisStarterIsLeftOutAndNothingElse() {
        List<String> candidates = new ArrayList<>();
        ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .forEach(candidates::add);

        boolean[] matches = filter(new MockEnvironment(), candidates.toArray(String[]::new));

        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < matches.length; i++) {
            if (!matches[i]) {
                leftOut.add(candidates.get(i));
            }
        }
        assertThat(leftOut)
                .containsExactlyInAnyOrder(
                        REDIS,
                        "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
                        "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
                        "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
                        "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
                        "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
                        "org.springframework.boot.netty.autoconfigure.NettyAutoConfiguration",
                        "org.springframework.boot.data.autoconfigure.metrics.DataRepositoryMetricsAutoConfiguration",
                        "org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration");
        assertThat(candidates).contains(WEB_MVC).hasSizeGreaterThan(leftOut.size() + 50);
    }

    private static boolean[] filter(MockEnvironment environment, String... candidates) {
        RedisAutoConfigurationFilter filter = new RedisAutoConfigurationFilter();
        filter.setEnvironment(environment);
        return filter.match(candidates, null);
    }
}
