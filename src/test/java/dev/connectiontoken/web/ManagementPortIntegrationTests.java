package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code management.server.port} set, as the image, compose and the Kubernetes manifests set it, the operational
 * endpoints (client ids and refusal counts in metrics) are out of callers' reach on the API port.
 */
// Closed after the class: a cached context with a management child context keeps later tests' logging configuration
// from applying (StructuredLoggingIntegrationTests).
@DirtiesContext
class ManagementPortIntegrationTests extends AbstractStripeIntegrationTests {

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> "0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/info", "/actuator/health/readiness"})
    void actuatorAnswersOnItsOwnPortOnly(String path) {
        int onApiPort = HttpCall.send(this.port, "GET", path, null, null).statusCode();
        int onManagementPort =
                HttpCall.send(this.managementPort, "GET", path, null, null).statusCode();

        assertThat(this.managementPort).isNotEqualTo(this.port);
        assertThat(onApiPort).isEqualTo(404);
        assertThat(onManagementPort).isEqualTo(200);
    }
}
