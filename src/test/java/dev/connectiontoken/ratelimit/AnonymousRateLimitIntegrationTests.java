package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.StripeStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no authentication configured (test key, open), callers are limited by IP address. */
class AnonymousRateLimitIntegrationTests extends AbstractStripeIntegrationTests {

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("connection-token.rate-limit.enabled", () -> "true");
        registry.add("connection-token.rate-limit.burst", () -> "2");
        registry.add("connection-token.rate-limit.per-minute", () -> "1");
    }

    @Test
    void unauthenticatedCallersAreLimitedPerAddress() {
        StripeStandIn.answer(200, "connection-token.json");

        int first = post("/connection_token", null, null).statusCode();
        int second = post("/connection_token", null, null).statusCode();
        int third = post("/connection_token", null, null).statusCode();

        assertThat(new int[] {first, second, third}).containsExactly(200, 200, 429);
        assertThat(StripeStandIn.requests()).hasSize(2);
    }
}
