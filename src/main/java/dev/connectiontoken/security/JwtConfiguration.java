package dev.connectiontoken.security;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.client.LocationPolicy;
import dev.connectiontoken.client.StripeIds;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
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
 * JWTs from the integrator's identity provider: the decoder, built here because Boot's public-key decoder backs off
 * whenever {@code issuer-uri} is set, and the {@link Client} read from a token's claims. A key source that cannot be
 * reached fails as a {@link JwtException}, which the entry point answers with 503.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:@|-]{1,128}");

    private static final Pattern LOCATION = Pattern.compile(StripeIds.LOCATION);

    private static final Pattern ACCOUNT = Pattern.compile(StripeIds.ACCOUNT);

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

    /**
     * Reads the {@link Client} from a validated JWT's claims. Malformed claims are refused like an invalid token, never
     * read as a client without limits.
     */
    static AbstractAuthenticationToken client(Jwt jwt, JwtProperties properties) {
        String id = checked(jwt.getClaimAsString(properties.clientIdClaim()), CLIENT_ID, "client id");
        List<String> locations = locations(jwt.getClaims().get(properties.locationsClaim()), properties);
        String defaultLocation = optional(jwt.getClaimAsString(properties.defaultLocationClaim()), LOCATION);
        String account = optional(jwt.getClaimAsString(properties.accountClaim()), ACCOUNT);
        if (defaultLocation != null && !LocationPolicy.allows(locations, defaultLocation)) {
            throw invalid("The token's default location is not among its locations");
        }
        return SecurityConfiguration.authenticated(
                new Client(id, locations, defaultLocation, account, Client.Source.JWT, null));
    }

    private static List<String> locations(@Nullable Object claim, JwtProperties properties) {
        if (claim == null) {
            if (properties.requireLocations()) {
                throw invalid("The token has no " + properties.locationsClaim() + " claim");
            }
            return List.of();
        }
        List<?> values = (claim instanceof Collection<?> collection)
                ? List.copyOf(collection)
                : Arrays.asList(claim.toString().trim().split(" +"));
        // A claim that is present limits the client; an empty one ([] or "") must not read as "any location".
        if (values.isEmpty()) {
            throw invalid("The token's locations claim is empty");
        }
        if (values.equals(List.of("*"))) {
            return List.of();
        }
        return values.stream()
                .map((value) -> checked(String.valueOf(value), LOCATION, "location"))
                .toList();
    }

    private static @Nullable String optional(@Nullable String value, Pattern pattern) {
        return (value != null) ? checked(value, pattern, "claim") : null;
    }

    private static String checked(@Nullable String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid("The token's " + what + " is missing or malformed");
        }
        return value;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
