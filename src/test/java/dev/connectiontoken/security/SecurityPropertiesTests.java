package dev.connectiontoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code connection-token.cors.*} and {@code connection-token.jwt.*} as an operator writes them. */
class SecurityPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(TestConfiguration.class);

    @Test
    void defaultsAllowNoOriginAndReadTheUsualClaims() {
        this.runner.run((context) -> {
            SecurityProperties properties = context.getBean(SecurityProperties.class);

            assertThat(properties.cors().allowedOrigins()).isEmpty();
            assertThat(properties.cors().maxAge()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.jwt())
                    .isEqualTo(new SecurityProperties.JwtClaims(
                            "sub", "locations", "default_location", "stripe_account", true));
        });
    }

    @Test
    void bindsEachPrefix() {
        this.runner
                .withPropertyValues(
                        "connection-token.cors.allowed-origins=https://pos.example.com,http://localhost:3000",
                        "connection-token.cors.max-age=10m",
                        "connection-token.jwt.client-id-claim=azp",
                        "connection-token.jwt.require-locations=false")
                .run((context) -> {
                    SecurityProperties properties = context.getBean(SecurityProperties.class);

                    assertThat(properties.cors().allowedOrigins())
                            .containsExactly("https://pos.example.com", "http://localhost:3000");
                    assertThat(properties.cors().maxAge()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(properties.jwt().clientIdClaim()).isEqualTo("azp");
                    assertThat(properties.jwt().requireLocations()).isFalse();
                });
    }

    @Test
    void originWithAPathFailsStartup() {
        this.runner
                .withPropertyValues("connection-token.cors.allowed-origins=https://pos.example.com/app")
                .run((context) -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("must be an origin such as https://pos.example.com"));
    }

    @Test
    void blankClaimNameFailsStartup() {
        this.runner
                .withPropertyValues("connection-token.jwt.locations-claim= ")
                .run((context) ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("jwt.locationsClaim"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    static class TestConfiguration {}
}
