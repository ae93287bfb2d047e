package dev.connectiontoken.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The validator Spring Boot adds to whichever JWT decoder it builds (issuer discovery, JWK set or public key): an expiry
 * is required, and the configured issuer is checked even where Boot would not.
 */
class JwtRequirementsTests {

    private static final String ISSUER = "https://idp.example.com/";

    private final OAuth2TokenValidator<Jwt> validator = new SecurityConfiguration()
            .jwtRequirements(
                    new MockEnvironment().withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER));

    @Test
    void tokenWithExpiryFromTheIssuerPasses() {
        assertThat(this.validator.validate(jwt(UnaryOperator.identity())).hasErrors())
                .isFalse();
    }

    @Test
    void tokenWithoutExpiryFails() {
        assertThat(this.validator
                        .validate(jwt((builder) -> builder.claims((claims) -> claims.remove("exp"))))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void tokenFromAnotherIssuerFails() {
        assertThat(this.validator
                        .validate(jwt((builder) -> builder.issuer("https://evil.example.test/")))
                        .hasErrors())
                .isTrue();
    }

    private static Jwt jwt(UnaryOperator<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .subject("pos-7")
                .issuedAt(Instant.now().minusSeconds(10))
                .expiresAt(Instant.now().plusSeconds(300));
        return change.apply(builder).build();
    }
}
