package dev.connectiontoken.security;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * JWTs from the integrator's identity provider, signed here with a key pair made for the test. The service is given
 * only the issuer URI, as an operator would; the provider's discovery document and key set are served by the local
 * WireMock, so no network is used.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwtAuthenticationIntegrationTests extends AbstractStripeIntegrationTests {

    private static final String ISSUER_PATH = "/idp";

    private static final String AUDIENCE = "connection-token-service";

    private static final KeyPair keys = rsaKeyPair();

    private static final KeyPair otherKeys = rsaKeyPair();

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", JwtAuthenticationIntegrationTests::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    @BeforeEach
    void identityProvider() {
        String discovery = "{\"issuer\": \"" + issuer() + "\", \"jwks_uri\": \"" + issuer() + "/jwks\","
                + " \"subject_types_supported\": [\"public\"], \"id_token_signing_alg_values_supported\": [\"RS256\"]}";
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(ISSUER_PATH + "/.well-known/openid-configuration"))
                        .willReturn(okJson(discovery)));
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(ISSUER_PATH + "/jwks"))
                        .willReturn(okJson(new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                                        .keyID("test")
                                        .build())
                                .toString())));
    }

    private static String issuer() {
        return StripeStandIn.baseUrl() + ISSUER_PATH;
    }

    @Test
    void createWithValidJwtMintsTokenWithItsPolicy() {
        StripeStandIn.answer(200, "connection-token.json");
        String jwt = sign(
                keys,
                claims(issuer(), Instant.now().plusSeconds(300))
                        .claim("locations", List.of("tml_Jwt1", "tml_Jwt2"))
                        .claim("default_location", "tml_Jwt2")
                        .claim("stripe_account", "acct_1Jwt")
                        .build());

        HttpResponse<String> response = withBearer(jwt);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(StripeStandIn.form(StripeStandIn.requests().get(0)))
                .isEqualTo(Map.of("location", List.of("tml_Jwt2")));
        assertThat(StripeStandIn.requests().get(0).getRequest().getHeader("Stripe-Account"))
                .isEqualTo("acct_1Jwt");
        assertThat(response.headers().allValues("Set-Cookie")).as("no session").isEmpty();
    }

    @Test
    void createWithLocationOutsideTheJwtsListIs403() {
        String jwt = sign(
                keys,
                claims(issuer(), Instant.now().plusSeconds(300))
                        .claim("locations", "tml_Jwt1 tml_Jwt2")
                        .build());

        HttpResponse<String> response = HttpCall.send(HttpCall.to(this.port, "/connection_token?location=tml_Other")
                .header("Authorization", "Bearer " + jwt));

        assertProblem(response, 403);
        assertThat(StripeStandIn.requests())
                .noneMatch((event) -> event.getRequest().getUrl().startsWith(StripeStandIn.PATH));
    }

    @Test
    void jwtAllowedAnyLocationMayNameOneAndIsAuditedAsJwt(CapturedOutput output) {
        StripeStandIn.answer(200, "connection-token.json");
        String jwt = sign(keys, claims(issuer(), Instant.now().plusSeconds(300)).build());

        HttpResponse<String> response = HttpCall.send(
                HttpCall.to(this.port, "/connection_token?location=tml_Any1").header("Authorization", "Bearer " + jwt));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(StripeStandIn.form(StripeStandIn.requests().get(0)))
                .isEqualTo(Map.of("location", List.of("tml_Any1")));
        assertThat(output).contains("outcome=issued client=jwt:pos-app-7 ");
    }

    @Test
    void jwtWithoutTheLocationsClaimIs401() {
        assertRefused(sign(
                keys,
                claims(issuer(), Instant.now().plusSeconds(300))
                        .claim("locations", null)
                        .build()));
    }

    @Test
    void jwtWithoutExpiryIs401() {
        assertRefused(sign(
                keys,
                claims(issuer(), Instant.now().plusSeconds(300))
                        .expirationTime(null)
                        .build()));
    }

    @Test
    void expiredJwtIs401() {
        assertRefused(
                sign(keys, claims(issuer(), Instant.now().minusSeconds(600)).build()));
    }

    @Test
    void jwtFromAnotherIssuerIs401() {
        assertRefused(sign(
                keys,
                claims("https://evil.example.test/", Instant.now().plusSeconds(300))
                        .build()));
    }

    @Test
    void jwtSignedWithAnotherKeyIs401() {
        assertRefused(
                sign(otherKeys, claims(issuer(), Instant.now().plusSeconds(300)).build()));
    }

    @Test
    void jwtWithoutClientIdIs401() {
        assertRefused(sign(
                keys,
                claims(issuer(), Instant.now().plusSeconds(300)).subject(null).build()));
    }

    static Stream<Arguments> malformedPolicyClaims() {
        return Stream.of(
                Arguments.of("a location that is not one", Map.of("locations", List.of("not-a-location"))),
                Arguments.of("an empty list, not any location", Map.of("locations", List.of())),
                Arguments.of("a blank string, not any location", Map.of("locations", " ")),
                Arguments.of(
                        "a default outside the list",
                        Map.of("locations", List.of("tml_Jwt1"), "default_location", "tml_Other")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPolicyClaims")
    void jwtWithMalformedPolicyClaimsIs401(String rule, Map<String, Object> policy) {
        JWTClaimsSet.Builder claims = claims(issuer(), Instant.now().plusSeconds(300));
        policy.forEach(claims::claim);

        assertRefused(sign(keys, claims.build()));
    }

    @Test
    void jwtForAnotherAudienceIs401() {
        assertRefused(sign(
                keys,
                claims(issuer(), Instant.now().plusSeconds(300))
                        .audience("another-application")
                        .build()));
    }

    @Test
    void garbageShapedLikeAJwtIs401() {
        assertRefused("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
    }

    private void assertRefused(String jwt) {
        HttpResponse<String> response = withBearer(jwt);

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("error").path("code").asString()).isEqualTo("invalid_credentials");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(StripeStandIn.requests())
                .noneMatch((event) -> event.getRequest().getUrl().startsWith(StripeStandIn.PATH));
    }

    private HttpResponse<String> withBearer(String jwt) {
        return HttpCall.send(HttpCall.to(this.port, "/connection_token").header("Authorization", "Bearer " + jwt));
    }

    /** A valid token's claims, allowed any location, for a test to change. */
    private static JWTClaimsSet.Builder claims(String issuer, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("pos-app-7")
                .audience(AUDIENCE)
                .claim("locations", "*")
                .issueTime(Date.from(Instant.now().minusSeconds(60)))
                .expirationTime(Date.from(expiry));
    }

    private static String sign(KeyPair pair, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
