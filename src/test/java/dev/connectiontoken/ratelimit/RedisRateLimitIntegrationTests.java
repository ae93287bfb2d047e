package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.RedisServer;
import dev.connectiontoken.StripeStandIn;
import dev.connectiontoken.TestKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the service sharing one limit through a real Redis server, as several replicas behind a load
 * balancer would.
 */
class RedisRateLimitIntegrationTests {

    private static RedisServer redis;

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void resetStandInAndRedis() {
        // Started here rather than in @BeforeAll: where no Redis binary exists, each test is reported as skipped, with
        // the reason, instead of the class vanishing from the counts.
        if (redis == null) {
            redis = RedisServer.start();
        }
        try (RedisClient client = RedisClient.create(redis.url());
                StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushall();
        }
        StripeStandIn.reset();
        StripeStandIn.answer(200, "connection-token.json");
    }

    @Test
    void twoReplicasShareOneLimitPerClient() {
        try (ConfigurableApplicationContext first = replica(redis.url());
                ConfigurableApplicationContext second = replica(redis.url())) {
            List<Integer> statuses = List.of(call(first), call(second), call(first), call(second));

            assertThat(statuses).containsExactly(200, 200, 200, 429);
            assertThat(StripeStandIn.requests()).hasSize(3);
        }
    }

    @Test
    void bucketsLiveInRedisUnderTheServicesPrefixAndExpire() {
        try (ConfigurableApplicationContext replica = replica(redis.url());
                RedisClient client = RedisClient.create(redis.url());
                StatefulRedisConnection<String, String> connection = client.connect()) {
            call(replica);

            String key = RedisRateLimiter.KEY_PREFIX + "configured:store-a";
            assertThat(connection.sync().exists(key)).isEqualTo(1L);
            assertThat(connection.sync().pttl(key)).isPositive();
        }
    }

    @Test
    void unreachableRedisLetsRequestsThrough() {
        RedisServer doomed = RedisServer.start();
        try (ConfigurableApplicationContext replica = replica(doomed.url())) {
            doomed.close();

            assertThat(call(replica)).isEqualTo(200);
        }
    }

    private static int call(ConfigurableApplicationContext replica) {
        int port = Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
        return HttpCall.send(HttpCall.to(port, "/connection_token").header("X-Api-Key", TestKeys.OPEN))
                .statusCode();
    }

    private static ConfigurableApplicationContext replica(String redisUrl) {
        // Command-line arguments: they outrank application.yml, as an operator's environment does.
        return new SpringApplicationBuilder(ConnectionTokenApplication.class)
                .run(
                        "--server.port=0",
                        "--STRIPE_SECRET_KEY=" + StripeStandIn.SECRET_KEY,
                        "--STRIPE_API_BASE=" + StripeStandIn.baseUrl(),
                        "--connection-token.rate-limit.store=redis",
                        "--connection-token.rate-limit.redis-url=" + redisUrl,
                        "--connection-token.rate-limit.burst=3",
                        "--connection-token.rate-limit.per-minute=1",
                        "--connection-token.clients[0].id=store-a",
                        "--connection-token.clients[0].api-key-sha256=" + TestKeys.sha256(TestKeys.OPEN));
    }
}
