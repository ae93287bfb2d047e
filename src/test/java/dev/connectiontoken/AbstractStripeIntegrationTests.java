package dev.connectiontoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on a random port, configured through its public environment variables ({@code STRIPE_SECRET_KEY},
 * {@code STRIPE_API_BASE}) and pointed at {@link StripeStandIn}. Subclasses share one application context.
 */
// Inlined properties, so that a subclass's @DynamicPropertySource can override them. Rate limits are off because
// these tests send hundreds of requests from one address (the rate-limit tests switch them back on); no retries and a
// short read timeout keep fault tests fast (the retry tests switch retries back on).
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "connection-token.rate-limit.enabled=false",
            "connection-token.stripe.read-timeout=1s",
            "connection-token.stripe.max-network-retries=0"
        })
public abstract class AbstractStripeIntegrationTests {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void stripeStandIn(DynamicPropertyRegistry registry) {
        registry.add("STRIPE_SECRET_KEY", () -> StripeStandIn.SECRET_KEY);
        registry.add("STRIPE_API_BASE", StripeStandIn::baseUrl);
    }

    @BeforeEach
    void resetStandIn() {
        StripeStandIn.reset();
    }

    @AfterEach
    void checkStripeContract() {
        StripeStandIn.assertContractKept();
    }

    protected HttpResponse<String> post(String path, String contentType, String body) {
        return HttpCall.post(this.port, path, contentType, body);
    }

    /** Asserts the one error shape: problem+json, the RFC 9457 members and the Stripe-style error member. */
    protected static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = HttpCall.json(response.body());
        assertThat(body.path("type").asString()).startsWith("tag:connection-token-service,2026:problem:");
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("error").path("message").asString())
                .isEqualTo(body.path("detail").asString());
        assertThat(body.path("error").path("type").asString())
                .isEqualTo((status < 500) ? "invalid_request_error" : "api_error");
        assertThat(body.path("error").path("code").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "sk_test_", "sk_live_", "trace");
        return body;
    }
}
