package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.RedisServer;
import dev.connectiontoken.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A store chain's morning: 600 readers fetch a token within 10 s from two replicas that share one Redis, against a
 * Stripe stand-in that allows 25 calls per second, as Stripe's endpoint limit does. Every caller honors
 * {@code Retry-After}. With a budget of 20 per second, Stripe must never answer 429 and every caller must end with a
 * token.
 */
class StripeBudgetStormIntegrationTests {

    private static final int CALLERS = 600;
    private static final Duration ARRIVALS = Duration.ofSeconds(10);
    private static final int MAX_ATTEMPTS = 30;

    private static RedisServer redis;
    private static RateLimitedStripe stripe;
    private static List<ConfigurableApplicationContext> replicas;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentHashMap<Integer, Long> tokenAtMillis = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        redis = RedisServer.start();
        stripe = new RateLimitedStripe(25);
        replicas = List.of(replica(), replica());
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.forEach(ConfigurableApplicationContext::close);
        }
        if (stripe != null) {
            stripe.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aReconnectStormStaysWithinTheBudgetAndEveryCallerGetsAToken() throws Exception {
        long start = System.currentTimeMillis();
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            long arrival = ARRIVALS.toMillis() * caller / CALLERS;
            int id = caller;
            this.scheduler.schedule(() -> call(id, 1, done), arrival, TimeUnit.MILLISECONDS);
            callers.add(done);
        }
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        this.scheduler.shutdown();

        SortedMap<Long, Integer> perSecond = stripe.callsPerSecond();
        List<Long> times = this.tokenAtMillis.values().stream().sorted().toList();
        List<Long> toToken = this.tokenAtMillis.entrySet().stream()
                .map((token) -> token.getValue() - start - ARRIVALS.toMillis() * token.getKey() / CALLERS)
                .sorted()
                .toList();
        double tokensPerSecond = (CALLERS - 1) * 1000.0 / (times.get(times.size() - 1) - times.get(0));
        System.out.printf(
                "storm: %d tokens, %.1f tokens/s, Stripe calls per second %s, 429s %d, attempts %d,"
                        + " time to token p50 %d ms p99 %d ms%n",
                times.size(),
                tokensPerSecond,
                perSecond.values(),
                stripe.tooManyRequests(),
                this.attempts.size(),
                toToken.get(toToken.size() / 2),
                toToken.get(toToken.size() * 99 / 100));

        assertThat(this.tokenAtMillis).as("callers with a token").hasSize(CALLERS);
        assertThat(this.attempts)
                .allSatisfy((attempt) -> assertThat(attempt.status() == 200
                                || (attempt.status() == 503
                                        && attempt.retryAfter() != null
                                        && attempt.body().contains(":stripe-budget-spent\"")))
                        .as("200, or 503 stripe-budget-spent with Retry-After: %s", attempt)
                        .isTrue());
        assertThat(stripe.tooManyRequests()).as("Stripe's 429s").isZero();
        assertThat(perSecond.values().stream().skip(1))
                .as("calls per second after the first")
                .allMatch((calls) -> calls <= 22);
        assertThat(tokensPerSecond).as("tokens per second during the storm").isGreaterThanOrEqualTo(18.0);
        // A spent budget is load, not failure.
        replicas.forEach((replica) -> assertThat(HttpCall.send(port(replica), "GET", "/actuator/health", null, null)
                        .statusCode())
                .isEqualTo(200));
    }

    private void call(int caller, int attempt, CompletableFuture<Void> done) {
        ConfigurableApplicationContext replica = replicas.get(caller % 2);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port(replica) + "/connection_token"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", TestKeys.OPEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            this.attempts.add(new Attempt(caller, response.statusCode(), retryAfter, response.body()));
            if (response.statusCode() == 200) {
                this.tokenAtMillis.put(caller, System.currentTimeMillis());
                done.complete(null);
            } else if (response.statusCode() == 503 && retryAfter != null && attempt < MAX_ATTEMPTS) {
                this.scheduler.schedule(
                        () -> call(caller, attempt + 1, done), Long.parseLong(retryAfter), TimeUnit.SECONDS);
            } else {
                done.complete(null);
            }
        });
    }

    private static int port(ConfigurableApplicationContext replica) {
        return Integer.parseInt(replica.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(ConnectionTokenApplication.class)
                .run(
                        "--server.port=0",
                        "--STRIPE_SECRET_KEY=sk_test_51StormStandIn000000000000",
                        "--STRIPE_API_BASE=" + stripe.baseUrl(),
                        "--connection-token.rate-limit.enabled=false",
                        "--connection-token.rate-limit.store=redis",
                        "--spring.data.redis.url=" + redis.url(),
                        "--connection-token.stripe.budget.per-second=20",
                        "--connection-token.stripe.budget.max-wait=2s",
                        "--connection-token.audit.enabled=false",
                        "--connection-token.clients[0].id=store-a",
                        "--connection-token.clients[0].api-key-sha256=" + TestKeys.sha256(TestKeys.OPEN));
    }

    private record Attempt(int caller, int status, String retryAfter, String body) {}
}
