package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.web.ProblemWriter;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The filter on its own: which bucket a request spends, what a refusal looks like, and what a store failure does. */
class RateLimitFilterTests {

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final RateLimitProperties oneAtATime =
            new RateLimitProperties(true, 1, 1, RateLimitProperties.Store.MEMORY, RateLimitProperties.FailureMode.OPEN);

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void secondCallOfAClientIs429WithHeadersAndProblem() throws Exception {
        RateLimitFilter filter =
                filter(new LocalBucketStore(Duration.ofMinutes(1), TimeMeter.SYSTEM_MILLISECONDS), this.oneAtATime);
        authenticate(new Client("store-1", List.of(), null, null, Client.Source.CONFIGURED, null));

        MockHttpServletResponse first = call(filter, "/connection_token");
        MockHttpServletResponse second = call(filter, "/connection_token");

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(second.getHeader("Retry-After")).isEqualTo("60");
        JsonNode problem = mapper.readTree(second.getContentAsString());
        assertThat(problem.path("error").path("code").asString()).isEqualTo("rate_limited");
        assertThat(problem.path("instance").asString()).isEqualTo("/connection_token");
    }

    @Test
    void clientsAndAddressesSpendSeparateBuckets() throws Exception {
        RateLimitFilter filter =
                filter(new LocalBucketStore(Duration.ofMinutes(1), TimeMeter.SYSTEM_MILLISECONDS), this.oneAtATime);

        int anonymous = call(filter, "/connection_token").getStatus();
        authenticate(new Client("store-1", List.of(), null, null, Client.Source.CONFIGURED, null));
        int configured = call(filter, "/connection_token").getStatus();

        assertThat(anonymous).isEqualTo(200);
        assertThat(configured).isEqualTo(200);
    }

    @Test
    void otherPathsAreNotLimited() throws Exception {
        RateLimitFilter filter =
                filter(new LocalBucketStore(Duration.ofMinutes(1), TimeMeter.SYSTEM_MILLISECONDS), this.oneAtATime);

        call(filter, "/actuator/health");
        MockHttpServletResponse again = call(filter, "/actuator/health");

        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeader("RateLimit-Limit")).isNull();
    }

    @Test
    void storeFailureFailsOpenByDefaultAndIsCounted() throws Exception {
        RateLimitFilter filter = filter(failingStore(), this.oneAtATime);

        MockHttpServletResponse response = call(filter, "/connection_token");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(failures("allowed")).isEqualTo(1.0);
    }

    @Test
    void storeFailureFailsClosedWhenConfigured() throws Exception {
        RateLimitProperties closed = new RateLimitProperties(
                true, 1, 1, RateLimitProperties.Store.REDIS, RateLimitProperties.FailureMode.CLOSED);
        RateLimitFilter filter = filter(failingStore(), closed);

        MockHttpServletResponse response = call(filter, "/connection_token");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(mapper.readTree(response.getContentAsString())
                        .path("error")
                        .path("code")
                        .asString())
                .isEqualTo("rate_limit_unavailable");
        assertThat(failures("refused")).isEqualTo(1.0);
    }

    private double failures(String decision) {
        return this.meters
                .get("connection.token.ratelimit.store.failures")
                .tag("decision", decision)
                .counter()
                .count();
    }

    private RateLimitFilter filter(BucketStore store, RateLimitProperties properties) {
        return new RateLimitFilter(
                store,
                properties,
                new ProblemWriter(mapper),
                new AuditLog(this.meters, new AuditLog.Properties(true)),
                this.meters);
    }

    private static BucketStore failingStore() {
        return (key, configuration) -> {
            throw new IllegalStateException("Redis is down");
        };
    }

    private static void authenticate(Client client) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(client, null));
    }

    private static MockHttpServletResponse call(RateLimitFilter filter, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr("203.0.113.9");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
