package dev.connectiontoken.security;

import static dev.connectiontoken.web.Endpoints.MODE_HEADER;
import static dev.connectiontoken.web.Endpoints.REQUEST_ID_HEADER;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Who may call from a browser, and which JWT claims say who a caller is (issuer and keys are Boot's own properties).
 *
 * @param cors {@code connection-token.cors.*}
 * @param jwt {@code connection-token.jwt.*}
 */
@ConfigurationProperties("connection-token")
@Validated
record SecurityProperties(
        @Valid @DefaultValue Cors cors, @Valid @DefaultValue JwtClaims jwt) {

    /**
     * @param allowedOrigins exact origins such as {@code https://pos.example.com} that may call from a browser; others
     *     get a 403
     * @param maxAge how long a browser may cache a preflight answer
     */
    record Cors(
            @DefaultValue
            List<@Pattern(regexp = ORIGIN, message = "must be an origin such as https://pos.example.com") String>
                    allowedOrigins,

            @DefaultValue("1h") Duration maxAge) {

        static final String ORIGIN = "^https?://[^/\\s*]+$";

        CorsConfiguration toCorsConfiguration() {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(this.allowedOrigins);
            configuration.setAllowedMethods(List.of("GET", "POST"));
            configuration.setAllowedHeaders(
                    List.of("Authorization", "Content-Type", Credentials.API_KEY_HEADER, REQUEST_ID_HEADER));
            configuration.setExposedHeaders(List.of(
                    "Retry-After",
                    "RateLimit-Limit",
                    "RateLimit-Remaining",
                    "RateLimit-Reset",
                    MODE_HEADER,
                    REQUEST_ID_HEADER));
            configuration.setMaxAge(this.maxAge);
            return configuration;
        }
    }

    /**
     * @param clientIdClaim the claim naming the client
     * @param locationsClaim the claim listing the allowed locations (a list, or a space-separated string); {@code "*"}
     *     means any location
     * @param defaultLocationClaim the claim with the default location
     * @param accountClaim the claim with the connected account to mint tokens on
     * @param requireLocations whether a JWT without the locations claim is refused (401), so that a claim renamed in
     *     the identity provider never widens a caller's scope; when false, a missing claim means any location
     */
    record JwtClaims(
            @DefaultValue("sub") @NotBlank String clientIdClaim,
            @DefaultValue("locations") @NotBlank String locationsClaim,
            @DefaultValue("default_location") @NotBlank String defaultLocationClaim,
            @DefaultValue("stripe_account") @NotBlank String accountClaim,
            @DefaultValue("true") boolean requireLocations) {}
}
