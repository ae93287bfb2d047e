package dev.connectiontoken.location;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code GET /locations} reads Stripe.
 *
 * @param cacheTtl how long a caller's list is reused before Stripe is asked again; {@code 0s} asks every time. A fleet of
 *     apps opening at once then costs one Stripe call per client, and a location deleted in Stripe disappears within
 *     this time.
 * @param max the most locations listed for a client without a locations list (Stripe's pages are followed up to it)
 */
@ConfigurationProperties("connection-token.locations")
@Validated
record LocationProperties(
        @DefaultValue("60s") @NotNull @DurationMax(hours = 1)
        Duration cacheTtl,

        @DefaultValue("100") @Min(1) @Max(1000) int max) {}
