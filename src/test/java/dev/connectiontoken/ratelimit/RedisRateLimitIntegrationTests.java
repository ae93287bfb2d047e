package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.RedisServer;
import dev.connectiontoken.StripeStandIn;
import dev.connectiontoken.TestKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the service sharing one limit through a real Redis server, as several replicas behind a load
 * balancer would.
 */
@ExtendWith(OutputCaptureExtension.class)
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

            String key = RedisBucketStore.KEY_PREFIX + "rate-limit:key:store-a";
            assertThat(connection.sync().exists(key)).isEqualTo(1L);
            assertThat(connection.sync().pttl(key)).isPositive();
            // The Stripe budget of the platform account, in test mode, in the same store.
            String budget = RedisBucketStore.KEY_PREFIX + "stripe-budget:test:platform";
            assertThat(connection.sync().exists(budget)).isEqualTo(1L);
            assertThat(connection.sync().pttl(budget)).isPositive();
        }
    }

    @Test
    void unreachableRedisLetsRequestsThroughCountsThemAndShowsInHealth(CapturedOutput output) {
        RedisServer doomed = RedisServer.start();
        try (ConfigurableApplicationContext replica = replica(doomed.url())) {
            assertThat(get(replica, "/actuator/health").statusCode()).isEqualTo(200);
            doomed.close();

            int status = call(replica);

            assertThat(status).isEqualTo(200);
            assertThat(storeFailures(replica, "allowed")).isEqualTo(1.0);
            // The Stripe budget, in the same store, paces this replica alone meanwhile.
            assertThat(output).contains("Stripe budget store failed, pacing in this replica alone");
            assertThat(get(replica, "/actuator/health").statusCode()).isEqualTo(503);
            assertThat(get(replica, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void unreachableRedisWithFailureModeClosedAnswers503WithRetryAfter() {
        RedisServer doomed = RedisServer.start();
        try (ConfigurableApplicationContext replica =
                replica(doomed.url(), "--connection-token.rate-limit.failure-mode=closed")) {
            doomed.close();

            HttpResponse<String> response = HttpCall.send(
                    HttpCall.to(port(replica), "/connection_token").header("X-Api-Key", TestKeys.OPEN));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(HttpCall.json(response.body()).path("type").asString()).endsWith(":rate-limit-unavailable");
            assertThat(storeFailures(replica, "refused")).isEqualTo(1.0);
            assertThat(StripeStandIn.requests()).isEmpty();
        }
    }

    private static double storeFailures(ConfigurableApplicationContext replica, String decision) {
        return replica.getBean(MeterRegistry.class)
                .counter("connection.token.ratelimit.store.failures", "decision", decision)
                .count();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext replica, String path) {
        return HttpCall.send(port(replica), "GET", path, null, null);
    }

    private static int port(ConfigurableApplicationContext replica) {
        return Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static int call(ConfigurableApplicationContext replica) {
        return HttpCall.send(HttpCall.to(port(replica), "/connection_token").header("X-Api-Key", TestKeys.OPEN))
                .statusCode();
    }

    private static ConfigurableApplicationContext replica(String redisUrl, String... extra) {
        // Command-line arguments: they outrank application.yml, as an operator's environment does.
        String[] arguments = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--STRIPE_SECRET_KEY=" + StripeStandIn.SECRET_KEY,
                                "--STRIPE_API_BASE=" + StripeStandIn.baseUrl(),
                                "--connection-token.rate-limit.store=redis",
                                "--spring.data.redis.url=" + redisUrl,
                                "--connection-token.rate-limit.burst=3",
                                "--connection-token.rate-limit.per-minute=1",
                                "--connection-token.clients[0].id=store-a",
                                "--connection-token.clients[0].api-key-sha256=" + TestKeys.sha256(TestKeys.OPEN)),
                        Stream.of(extra))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ConnectionTokenApplication.class).run(arguments);
    }
}
