package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import dev.connectiontoken.TestKeys;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Per-client limits in memory: a burst, then 429 with Retry-After, while other clients carry on. */
@ExtendWith(OutputCaptureExtension.class)
class RateLimitIntegrationTests extends AbstractStripeIntegrationTests {

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("connection-token.rate-limit.enabled", () -> "true");
        registry.add("connection-token.rate-limit.burst", () -> "3");
        // One token a minute: no refill can happen while the test runs.
        registry.add("connection-token.rate-limit.per-minute", () -> "1");
        registry.add("connection-token.clients[0].id", () -> "store-a");
        registry.add("connection-token.clients[0].api-key-sha256", () -> TestKeys.sha256(TestKeys.OPEN));
        registry.add("connection-token.clients[1].id", () -> "store-b");
        registry.add("connection-token.clients[1].api-key-sha256", () -> TestKeys.sha256(TestKeys.LIMITED));
        registry.add("connection-token.clients[2].id", () -> "store-c");
        registry.add("connection-token.clients[2].api-key-sha256", () -> TestKeys.sha256(TestKeys.STRICT));
    }

    @Test
    void theMemoryStoreKeepsBucketsInThisProcess() {
        assertThat(this.context.getBeansOfType(BucketStore.class).values())
                .singleElement()
                .isInstanceOf(LocalBucketStore.class);
    }

    @Test
    void burstThen429WithRetryAfterAndRateLimitHeaders(CapturedOutput output) {
        StripeStandIn.answer(200, "connection-token.json");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> allowed = as(TestKeys.OPEN);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
        }

        HttpResponse<String> refused = as(TestKeys.OPEN);

        JsonNode problem = assertProblem(refused, 429);
        assertThat(problem.path("error").path("code").asString()).isEqualTo("rate_limited");
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("3");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(StripeStandIn.requests()).hasSize(3);
        assertThat(output)
                .contains(
                        "outcome=refused client=key:store-a location=- account=- status=429" + " reason=rate_limited");
        assertThat(as(TestKeys.LIMITED).statusCode()).isEqualTo(200);
    }

    @Test
    void anEncodedPathSpendsTheSameBucket() {
        StripeStandIn.answer(200, "connection-token.json");
        // /connection_toke%6E reaches the endpoint (the path is matched decoded), so it must count like the plain one.
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> encoded =
                    HttpCall.send(HttpCall.to(this.port, "/connection_toke%6E").header("X-Api-Key", TestKeys.STRICT));
            assertThat(encoded.statusCode()).isEqualTo(200);
            assertThat(encoded.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
        }

        assertThat(as(TestKeys.STRICT).statusCode()).isEqualTo(429);
    }

    @Test
    void callersRefusedWith401SpendNoBucket() {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = HttpCall.send(HttpCall.to(this.port, "/connection_token"));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("RateLimit-Remaining")).isEmpty();
        }
    }

    @Test
    void otherPathsAreNotLimited() {
        for (int i = 0; i < 5; i++) {
            assertThat(HttpCall.send(this.port, "GET", "/v3/api-docs", null, null)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private HttpResponse<String> as(String key) {
        return HttpCall.send(HttpCall.to(this.port, "/connection_token").header("X-Api-Key", key));
    }
}
