package dev.connectiontoken.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Stripe budget's settings (docs/OPERATIONS.md, "Stripe's rate limits").
 *
 * @param perSecond calls to Stripe per second per account and mode, all replicas together; {@code 0} turns the
 *     budget off. Stripe allows 25 per endpoint and 100 in all per live account (25 in a sandbox).
 * @param maxWait how long a caller may wait for a turn before a 503 {@code stripe_budget_spent}
 */
@ConfigurationProperties("connection-token.stripe.budget")
@Validated
public record StripeBudgetProperties(
        @DefaultValue("20") @Min(0) long perSecond,

        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) @DurationMax(seconds = 30)
        Duration maxWait) {}
