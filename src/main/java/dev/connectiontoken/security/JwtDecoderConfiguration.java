package dev.connectiontoken.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The JWT decoder, built here rather than by Spring Boot, whose public-key decoder backs off whenever
 * {@code issuer-uri} is set (it then trusts whatever key discovery finds). The keys are those configured: a
 * {@code jwk-set-uri}, else a {@code public-key-location}, else the issuer's discovery document, fetched on first use.
 * Every token must carry an expiry, the configured issuer and one of the configured audiences. A key source that
 * cannot be reached fails as a {@link JwtException}, which the entry point answers with 503.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    @Bean
    @ConditionalOnProperty(AccessMode.JWT_ISSUER)
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) throws IOException {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        String issuer = Objects.requireNonNull(jwt.getIssuerUri());
        OAuth2TokenValidator<Jwt> validator = validator(issuer, jwt.getAudiences());
        JwtDecoder decoder = (jwt.getJwkSetUri() != null || jwt.getPublicKeyLocation() != null)
                ? pinned(jwt, validator)
                : new SupplierJwtDecoder(() -> {
                    NimbusJwtDecoder discovered =
                            NimbusJwtDecoder.withIssuerLocation(issuer).build();
                    discovered.setJwtValidator(validator);
                    return discovered;
                });
        return (token) -> {
            try {
                return decoder.decode(token);
            } catch (JwtDecoderInitializationException ex) {
                throw new JwtException("The identity provider's keys could not be loaded", ex);
            }
        };
    }

    private static NimbusJwtDecoder pinned(OAuth2ResourceServerProperties.Jwt jwt, OAuth2TokenValidator<Jwt> validator)
            throws IOException {
        List<SignatureAlgorithm> algorithms =
                jwt.getJwsAlgorithms().stream().map(SignatureAlgorithm::from).toList();
        NimbusJwtDecoder decoder = (jwt.getJwkSetUri() != null)
                ? NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                        .jwsAlgorithms((list) -> list.addAll(algorithms))
                        .build()
                : NimbusJwtDecoder.withPublicKey(publicKey(Objects.requireNonNull(jwt.getPublicKeyLocation())))
                        .signatureAlgorithm(algorithms.get(0))
                        .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<@Nullable Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<@Nullable List<String>>(
                        JwtClaimNames.AUD, (aud) -> aud != null && !Collections.disjoint(aud, audiences))));
    }

    private static RSAPublicKey publicKey(Resource location) throws IOException {
        try (InputStream in = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
    }
}
