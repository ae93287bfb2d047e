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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A pinned public key with a required issuer: the PEM's key is the one enforced, never a key that the issuer's discovery
 * document points to (which is served here with another key, as an attacker controlling discovery would).
 */
class JwtPinnedKeyIntegrationTests extends AbstractStripeIntegrationTests {

    private static final String ISSUER_PATH = "/pinned-idp";

    private static final KeyPair pinned = rsaKeyPair();

    private static final KeyPair discovered = rsaKeyPair();

    private static final Path PEM = pem((RSAPublicKey) pinned.getPublic());

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", JwtPinnedKeyIntegrationTests::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + PEM);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "connection-token-service");
    }

    @BeforeEach
    void discoveryServesAnotherKey() {
        String discovery = "{\"issuer\": \"" + issuer() + "\", \"jwks_uri\": \"" + issuer() + "/jwks\","
                + " \"subject_types_supported\": [\"public\"], \"id_token_signing_alg_values_supported\": [\"RS256\"]}";
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(ISSUER_PATH + "/.well-known/openid-configuration"))
                        .willReturn(okJson(discovery)));
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(ISSUER_PATH + "/jwks"))
                        .willReturn(okJson(new JWKSet(new RSAKey.Builder((RSAPublicKey) discovered.getPublic())
                                        .keyID("test")
                                        .build())
                                .toString())));
    }

    @Test
    void tokenSignedWithThePinnedKeyIsAccepted() {
        StripeStandIn.answer(200, "connection-token.json");

        HttpResponse<String> response = withBearer(sign(pinned));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void tokenSignedWithTheKeyDiscoveryPointsToIsRefused() {
        HttpResponse<String> response = withBearer(sign(discovered));

        assertProblem(response, 401);
        assertThat(StripeStandIn.requests())
                .noneMatch((event) -> event.getRequest().getUrl().startsWith(StripeStandIn.PATH));
    }

    private HttpResponse<String> withBearer(String jwt) {
        return HttpCall.send(HttpCall.to(this.port, "/connection_token").header("Authorization", "Bearer " + jwt));
    }

    private static String issuer() {
        return StripeStandIn.baseUrl() + ISSUER_PATH;
    }

    private static String sign(KeyPair pair) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("pos-pinned-1")
                .audience("connection-token-service")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("locations", List.of("*"))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Path pem(RSAPublicKey key) {
        try {
            Path file = Files.createTempFile("pinned-jwt-key", ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
