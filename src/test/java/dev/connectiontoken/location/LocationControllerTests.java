package dev.connectiontoken.location;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.security.SecuritySliceConfiguration;
import dev.connectiontoken.stripe.StripeFailure;
import dev.connectiontoken.stripe.StripeMode;
import dev.connectiontoken.stripe.StripeTerminalGateway;
import dev.connectiontoken.web.ProblemWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /locations} and its error mapping, without a server or Stripe: the gateway is mocked. */
@WebMvcTest(
        controllers = LocationController.class,
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "dev\\.connectiontoken\\.(token|ratelimit)\\..*"))
@Import({
    LocationService.class,
    AuditLog.class,
    ProblemWriter.class,
    SecuritySliceConfiguration.class,
    LocationControllerTests.OpenMode.class
})
class LocationControllerTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private StripeTerminalGateway gateway;

    @Test
    void listWhenStripeCallsAreSaturatedReturns503WithRetryAfter() throws Exception {
        given(this.gateway.listLocations(any(), anyInt()))
                .willThrow(new StripeFailure(StripeFailure.Kind.SATURATED, "Too many calls to Stripe in flight", null));

        this.mvc
                .perform(get("/locations"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value("tag:connection-token-service,2026:problem:stripe-saturated"))
                .andExpect(jsonPath("$.error.code").value("upstream_saturated"));
    }

    @Test
    void listWhenStripeTimesOutReturns504() throws Exception {
        given(this.gateway.listLocations(any(), anyInt()))
                .willThrow(new StripeFailure(StripeFailure.Kind.TIMEOUT, "Stripe unreachable", "req_1"));

        this.mvc.perform(get("/locations")).andExpect(status().isGatewayTimeout());
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LocationProperties.class, AuditLog.Properties.class})
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
