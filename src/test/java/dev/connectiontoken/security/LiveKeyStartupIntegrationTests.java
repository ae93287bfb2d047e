package dev.connectiontoken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application refusing insecure configurations: a live key without authentication, JWTs without an audience
 * or issuer, forwarded headers trusted from unnamed proxies.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveKeyStartupIntegrationTests {

    // Assembled so that no live-looking key appears in the sources.
    private static final String LIVE_KEY = "sk_" + "live_" + "51NotARealKey000000000";

    @Test
    void liveKeyWithoutAuthenticationRefusesToStart(CapturedOutput output) {
        assertThatException()
                .isThrownBy(() -> SpringApplication.run(
                        ConnectionTokenApplication.class, "--server.port=0", "--STRIPE_SECRET_KEY=" + LIVE_KEY));

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("A live Stripe key is set but no caller authentication is configured")
                .contains("connection-token.clients[0].id")
                .contains("See docs/SECURITY.md.")
                .doesNotContain("SECURITY.md. section")
                .doesNotContain(LIVE_KEY);
    }

    @Test
    void liveKeyWithManagementOnTheApiPortRefusesToStart(CapturedOutput output) {
        assertThatException()
                .isThrownBy(() -> SpringApplication.run(
                        ConnectionTokenApplication.class,
                        "--server.port=0",
                        "--STRIPE_SECRET_KEY=" + LIVE_KEY,
                        "--connection-token.clients[0].id=store-1",
                        "--connection-token.clients[0].api-key-sha256=" + TestKeys.sha256(TestKeys.OPEN)));

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("the management endpoints (/actuator) share the API port")
                .contains("MANAGEMENT_SERVER_PORT")
                .doesNotContain(LIVE_KEY);
    }

    @Test
    void jwtWithoutAnAudienceRefusesToStart(CapturedOutput output) {
        assertThatException()
                .isThrownBy(() -> SpringApplication.run(
                        ConnectionTokenApplication.class,
                        "--server.port=0",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks"));

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("JWT authentication is on but no audience is required")
                .contains("spring.security.oauth2.resourceserver.jwt.audiences");
    }

    @Test
    void jwtWithOnlyAKeySetAndNoIssuerRefusesToStart(CapturedOutput output) {
        assertThatException()
                .isThrownBy(() -> SpringApplication.run(
                        ConnectionTokenApplication.class,
                        "--server.port=0",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
                        "--spring.security.oauth2.resourceserver.jwt.audiences=connection-token-service"));

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("no issuer is configured")
                .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }

    @Test
    void nativeForwardedHeadersWithoutNamedProxiesRefuseToStart(CapturedOutput output) {
        assertThatException()
                .isThrownBy(() -> SpringApplication.run(
                        ConnectionTokenApplication.class,
                        "--server.port=0",
                        "--server.forward-headers-strategy=native"));

        assertThat(output).contains("APPLICATION FAILED TO START").contains("server.tomcat.remoteip.internal-proxies");
    }

    @Test
    void liveKeyWithAClientStartsAndSaysWhereToCallIt(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(
                ConnectionTokenApplication.class,
                "--server.port=0",
                "--STRIPE_SECRET_KEY=" + LIVE_KEY,
                "--management.server.port=0",
                "--connection-token.clients[0].id=store-1",
                "--connection-token.clients[0].api-key-sha256=" + TestKeys.sha256(TestKeys.OPEN))) {
            String port = context.getEnvironment().getProperty("local.server.port");

            assertThat(context.isRunning()).isTrue();
            assertThat(output)
                    .contains("Ready in live mode: POST http://localhost:" + port + "/connection_token")
                    .contains("API description at http://localhost:" + port + "/swagger-ui.html")
                    .doesNotContain(LIVE_KEY);
            // Decision (docs/SECURITY.md, "Swagger UI"): the UI stays on with a live key unless switched off.
            assertThat(HttpCall.send(Integer.parseInt(port), "GET", "/swagger-ui/index.html", null, null)
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
