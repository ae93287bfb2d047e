package dev.connectiontoken.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.connectiontoken.StripeStandIn;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Stripe stand-in (WireMock) that enforces Stripe's endpoint limit as Stripe does: at most {@code limit} calls per
 * second per account (the {@code Stripe-Account} header, or the platform), and above that a 429 with Stripe's own
 * {@code rate_limit} error body. It counts every call by the second it arrived in.
 */
final class RateLimitedStripe implements AutoCloseable {

    private final int limit;
    private final Map<String, AtomicInteger> perAccountSecond = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, AtomicInteger> callsPerSecond = new ConcurrentSkipListMap<>();
    private final AtomicInteger tooMany = new AtomicInteger();
    private final WireMockServer server;

    RateLimitedStripe(int limit) {
        this.limit = limit;
        this.server =
                new WireMockServer(options().dynamicPort().containerThreads(100).extensions(new Enforcer()));
        this.server.start();
        this.server.stubFor(post(urlPathEqualTo(StripeStandIn.PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_StandIn123")
                        .withBody(StripeStandIn.fixture("connection-token.json"))));
    }

    String baseUrl() {
        return this.server.baseUrl();
    }

    /** Calls received, by the epoch second they arrived in, in order. */
    SortedMap<Long, Integer> callsPerSecond() {
        SortedMap<Long, Integer> counts = new TreeMap<>();
        this.callsPerSecond.forEach((second, count) -> counts.put(second, count.get()));
        return counts;
    }

    int tooManyRequests() {
        return this.tooMany.get();
    }

    @Override
    public void close() {
        this.server.stop();
    }

    private final class Enforcer implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            long second = System.currentTimeMillis() / 1000;
            String account = event.getRequest().header("Stripe-Account").isPresent()
                    ? event.getRequest().getHeader("Stripe-Account")
                    : "platform";
            callsPerSecond.computeIfAbsent(second, (s) -> new AtomicInteger()).incrementAndGet();
            int calls = perAccountSecond
                    .computeIfAbsent(account + "@" + second, (key) -> new AtomicInteger())
                    .incrementAndGet();
            if (calls <= limit) {
                return event.getResponseDefinition();
            }
            tooMany.incrementAndGet();
            return aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_StandInLimited")
                    .withBody(StripeStandIn.fixture("error-rate-limit.json"))
                    .build();
        }

        @Override
        public String getName() {
            return "stripe-rate-limit";
        }
    }
}
