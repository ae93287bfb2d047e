package dev.connectiontoken.token;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.security.SecuritySliceConfiguration;
import dev.connectiontoken.stripe.IssuedToken;
import dev.connectiontoken.stripe.StripeFailure;
import dev.connectiontoken.stripe.StripeMode;
import dev.connectiontoken.stripe.StripeTerminalGateway;
import dev.connectiontoken.web.JsonConfiguration;
import dev.connectiontoken.web.ProblemType;
import dev.connectiontoken.web.ProblemWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The endpoint, its error mapping and CORS, without a server or Stripe: MVC, the security chain in open mode (no
 * clients, a test key, one allowed browser origin) and a mocked gateway.
 */
// Rate limits have their own tests (ratelimit package): the filter is left out of this slice.
@WebMvcTest(
        controllers = ConnectionTokenController.class,
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.connectiontoken\\.ratelimit\\..*"))
@TestPropertySource(properties = "connection-token.cors.allowed-origins=https://pos.example.com")
@Import({
    ConnectionTokenRequestResolver.class,
    JsonConfiguration.class,
    ConnectionTokenService.class,
    AuditLog.class,
    ProblemWriter.class,
    SecuritySliceConfiguration.class,
    ConnectionTokenControllerTests.OpenMode.class
})
class ConnectionTokenControllerTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private StripeTerminalGateway gateway;

    @Test
    void bareSdkPostMintsAnUnscopedTokenThatIsNeverCached() throws Exception {
        given(this.gateway.createToken(null, List.of(), null))
                .willReturn(new IssuedToken("pst_test_abc", false, "req_1", Duration.ZERO));

        this.mvc
                .perform(post("/connection_token"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().doesNotExist("Connection-Token-Mode"))
                .andExpect(jsonPath("$.secret").value("pst_test_abc"))
                .andExpect(jsonPath("$.location").doesNotExist());
    }

    @Test
    void jsonLocationAndExpandReachTheGateway() throws Exception {
        given(this.gateway.createToken("tml_A1", List.of("location"), null))
                .willReturn(new IssuedToken("pst_test_abc", false, "req_1", Duration.ZERO));

        this.mvc
                .perform(post("/connection_token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"location\": \"tml_A1\", \"expand\": [\"location\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location").value("tml_A1"));
    }

    @Test
    void unknownParameterIs400ListingItAndStripeIsNotCalled() throws Exception {
        this.mvc
                .perform(post("/connection_token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("locaton=x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type")
                        .value(ProblemType.INVALID_PARAMETERS.type().toString()))
                .andExpect(jsonPath("$.instance").value("/connection_token"))
                .andExpect(jsonPath("$.error.code").value("parameter_unknown"))
                .andExpect(jsonPath("$.errors[0].param").value("locaton"));
        then(this.gateway).should(never()).createToken(any(), anyList(), any());
    }

    @Test
    void gatewayErrorIsAnsweredWithItsProblemAndHeaders() throws Exception {
        given(this.gateway.createToken(null, List.of(), null))
                .willThrow(new StripeFailure(StripeFailure.Kind.RATE_LIMITED, "Stripe answered 429", "req_1"));

        this.mvc
                .perform(post("/connection_token"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.error.type").value("api_error"))
                .andExpect(jsonPath("$.error.code").value("upstream_rate_limited"));
    }

    @Test
    void aSpentStripeBudgetIs503WithTheBudgetsRetryAfter() throws Exception {
        given(this.gateway.createToken(null, List.of(), null))
                .willThrow(new StripeFailure(StripeFailure.Kind.BUDGET_SPENT, "No turn", null)
                        .retryAfter(Duration.ofMillis(4_001)));

        this.mvc
                .perform(post("/connection_token"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("tag:connection-token-service,2026:problem:stripe-budget-spent"))
                .andExpect(jsonPath("$.error.code").value("stripe_budget_spent"));
    }

    @Test
    void unexpectedFailureIsAnOpaque500() throws Exception {
        given(this.gateway.createToken(null, List.of(), null)).willThrow(new IllegalStateException("sk_test_secret"));

        this.mvc
                .perform(post("/connection_token"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error.code").value("internal_error"))
                .andExpect(jsonPath("$.detail").value("The service failed unexpectedly. The error has been logged."));
    }

    @Test
    void getIsMvcs405NamingPost() throws Exception {
        this.mvc
                .perform(get("/connection_token"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.error.code").value("method_not_allowed"));
        then(this.gateway).should(never()).createToken(any(), anyList(), any());
    }

    @Test
    void preflightFromAnAllowedOriginIsAnswered() throws Exception {
        this.mvc
                .perform(options("/connection_token")
                        .header("Origin", "https://pos.example.com")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "x-api-key, content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://pos.example.com"))
                .andExpect(header().string("Access-Control-Allow-Methods", containsString("POST")))
                .andExpect(header().string("Access-Control-Allow-Headers", containsStringIgnoringCase("x-api-key")))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
    }

    @Test
    void postFromAnAllowedOriginGetsCorsHeadersItCanRead() throws Exception {
        given(this.gateway.createToken(null, List.of(), null))
                .willReturn(new IssuedToken("pst_test_abc", false, "req_1", Duration.ZERO));

        this.mvc
                .perform(post("/connection_token").header("Origin", "https://pos.example.com"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://pos.example.com"))
                .andExpect(header().string("Access-Control-Expose-Headers", containsString("Retry-After")));
    }

    @Test
    void preflightFromAForeignOriginIs403InTheProblemShape() throws Exception {
        this.mvc
                .perform(options("/connection_token")
                        .header("Origin", "https://evil.example.com")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
                .andExpect(jsonPath("$.error.code").value("cors_origin_not_allowed"));
    }

    @Test
    void postFromAForeignOriginIs403AndNeverReachesTheGateway() throws Exception {
        this.mvc
                .perform(post("/connection_token").header("Origin", "https://evil.example.com"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("cors_origin_not_allowed"));
        then(this.gateway).should(never()).createToken(any(), anyList(), any());
    }

    /** A test key and no clients: callers need not authenticate. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ConnectionTokenProperties.class, AuditLog.Properties.class})
    static class OpenMode {

        @Bean
        StripeMode stripeMode() {
            return StripeMode.TEST;
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
