package dev.connectiontoken.security;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.client.LocationPolicy;
import dev.connectiontoken.client.StripeIds;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a {@link Client} from a validated JWT's claims. A token whose claims are malformed is refused like an invalid
 * token, never read as a client without limits.
 */
final class JwtClientConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:@|-]{1,128}");

    private static final Pattern LOCATION = Pattern.compile(StripeIds.LOCATION);

    private static final Pattern ACCOUNT = Pattern.compile(StripeIds.ACCOUNT);

    private final JwtProperties properties;

    JwtClientConverter(JwtProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String id = checked(jwt.getClaimAsString(this.properties.clientIdClaim()), CLIENT_ID, "client id");
        List<String> locations = locations(jwt.getClaims().get(this.properties.locationsClaim()));
        String defaultLocation = optional(jwt.getClaimAsString(this.properties.defaultLocationClaim()), LOCATION);
        String account = optional(jwt.getClaimAsString(this.properties.accountClaim()), ACCOUNT);
        if (defaultLocation != null && !LocationPolicy.allows(locations, defaultLocation)) {
            throw invalid("The token's default location is not among its locations");
        }
        return new ClientAuthenticationToken(new Client(id, locations, defaultLocation, account, Client.Source.JWT));
    }

    private List<String> locations(@Nullable Object claim) {
        if (claim == null) {
            if (this.properties.requireLocations()) {
                throw invalid("The token has no " + this.properties.locationsClaim() + " claim");
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
        if (values.equals(List.of(JwtProperties.ANY_LOCATION))) {
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
