package dev.connectiontoken.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which claims of a JWT from the integrator's identity provider carry the client's identity and policy. The issuer
 * and keys are Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param clientIdClaim the claim naming the client
 * @param locationsClaim the claim listing the allowed locations (a list, or a space-separated string); {@code "*"}
 *     means any location
 * @param defaultLocationClaim the claim with the default location
 * @param accountClaim the claim with the connected account to mint tokens on
 * @param requireLocations whether a JWT without the locations claim is refused (401); when false, a missing claim means
 *     any location. On by default, so that a claim renamed in the identity provider never widens a caller's scope.
 */
@ConfigurationProperties("connection-token.jwt")
@Validated
record JwtProperties(
        @DefaultValue("sub") @NotBlank String clientIdClaim,
        @DefaultValue("locations") @NotBlank String locationsClaim,
        @DefaultValue("default_location") @NotBlank String defaultLocationClaim,
        @DefaultValue("stripe_account") @NotBlank String accountClaim,
        @DefaultValue("true") boolean requireLocations) {}
