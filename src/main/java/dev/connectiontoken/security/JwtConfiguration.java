package dev.connectiontoken.security;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.client.LocationPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
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
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** What Boot's JWT decoders leave out: a required expiry, a pinned key with an issuer, and the {@link Client}. */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:@|-]{1,128}");
    private static final Pattern LOCATION = Pattern.compile(Client.LOCATION_ID);
    private static final Pattern ACCOUNT = Pattern.compile(Client.ACCOUNT_ID);

    /** Boot adds this to the issuer and audience checks of the decoders it builds: a JWT must expire. */
    @Bean
    OAuth2TokenValidator<Jwt> jwtExpiryRequired() {
        return new JwtClaimValidator<@Nullable Object>(JwtClaimNames.EXP, Objects::nonNull);
    }

    /** Boot's own decoder for a public key backs off when an issuer is set, and would trust discovery's keys. */
    @Bean
    @ConditionalOnProperty({AccessMode.JWT_ISSUER, "spring.security.oauth2.resourceserver.jwt.public-key-location"})
    JwtDecoder pinnedKeyJwtDecoder(OAuth2ResourceServerProperties properties) throws IOException {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        RSAPublicKey key = RsaKeyConverters.x509()
                .convert(new ByteArrayInputStream(jwt.readPublicKey().getBytes(StandardCharsets.UTF_8)));
        String algorithm = jwt.getJwsAlgorithms().get(0);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key)
                .signatureAlgorithm(SignatureAlgorithm.from(algorithm))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(Objects.requireNonNull(jwt.getIssuerUri())),
                jwtExpiryRequired(),
                new JwtClaimValidator<@Nullable List<String>>(
                        JwtClaimNames.AUD, (aud) -> aud != null && !Collections.disjoint(aud, jwt.getAudiences()))));
        return decoder;
    }

    /** Boot's issuer decoder fails to load keys with an unchecked error; as a {@link JwtException} it is a 503. */
    static JwtDecoder keysUnavailableAsJwtException(JwtDecoder decoder) {
        return (token) -> {
            try {
                return decoder.decode(token);
            } catch (JwtDecoderInitializationException ex) {
                throw new JwtException("The identity provider's keys could not be loaded", ex);
            }
        };
    }

    /** The {@link Client} in a JWT's claims: malformed claims are refused, never read as a client without limits. */
    static Client client(Jwt jwt, SecurityProperties.JwtClaims claims) {
        String id = checked(jwt.getClaimAsString(claims.clientIdClaim()), CLIENT_ID, "client id");
        List<String> locations = locations(jwt.getClaims().get(claims.locationsClaim()), claims);
        String defaultLocation = optional(jwt.getClaimAsString(claims.defaultLocationClaim()), LOCATION);
        String account = optional(jwt.getClaimAsString(claims.accountClaim()), ACCOUNT);
        if (defaultLocation != null && !LocationPolicy.allows(locations, defaultLocation)) {
            throw new InvalidBearerTokenException("The token's default location is not among its locations");
        }
        return new Client(id, locations, defaultLocation, account, Client.Source.JWT, null);
    }

    private static List<String> locations(@Nullable Object claim, SecurityProperties.JwtClaims claims) {
        if (claim == null) {
            if (claims.requireLocations()) {
                throw new InvalidBearerTokenException("The token has no " + claims.locationsClaim() + " claim");
            }
            return List.of();
        }
        List<String> values = (claim instanceof Collection<?> list)
                ? list.stream().map(String::valueOf).toList()
                : List.of(claim.toString().trim().split(" +"));
        // A claim that is present limits the client; an empty one ([] or "") must not read as "any location".
        if (values.isEmpty()) {
            throw new InvalidBearerTokenException("The token's locations claim is empty");
        }
        return values.equals(List.of("*"))
                ? List.of()
                : values.stream()
                        .map((value) -> checked(value, LOCATION, "location"))
                        .toList();
    }

    private static @Nullable String optional(@Nullable String value, Pattern pattern) {
        return (value != null) ? checked(value, pattern, "claim") : null;
    }

    private static String checked(@Nullable String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidBearerTokenException("The token's " + what + " is missing or malformed");
        }
        return value;
    }
}
