package dev.connectiontoken.stripe;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service reaches Stripe. The key is checked by methods rather than constraints on it, because Boot's
 * bind-failure report prints a rejected value: the key itself.
 *
 * @param secretKey the secret ({@code sk_}) or restricted ({@code rk_}) key; blank for offline mode
 * @param apiBase where Stripe's API is; tests and benchmarks point it at a stand-in
 * @param connectTimeout how long to wait for a connection to Stripe
 * @param readTimeout how long to wait for Stripe's answer once the request is sent
 * @param maxNetworkRetries how many times stripe-java retries a failed call (same idempotency key each time)
 * @param maxConcurrentCalls how many Stripe calls may be in flight at once, all operations together; more are refused
 *     at once with 503. With platform threads (JDK 17) keep it below the request thread count (400), so that a Stripe
 *     stall never takes every thread.
 * @param sslBundle the name of a {@code spring.ssl.bundle.*} whose trust material verifies the api base (an egress proxy
 *     that re-signs TLS, a stand-in); unset, the JVM's trust store
 * @param telemetry whether stripe-java reports the id and duration of each call to Stripe in a header of the next one;
 *     off by default: it tells Stripe nothing it needs to mint tokens
 */
@ConfigurationProperties("connection-token.stripe")
@Validated
public record StripeProperties(
        @Nullable String secretKey,

        @DefaultValue("https://api.stripe.com") @NotNull @Pattern(regexp = "https?://[^\\s/]+(/[^\\s]*)?")
        String apiBase,

        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 2)
        Duration connectTimeout,

        @DefaultValue("4s") @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 2)
        Duration readTimeout,

        @DefaultValue("1") @Min(0) @Max(5) int maxNetworkRetries,
        @DefaultValue("300") @Min(1) int maxConcurrentCalls,
        @Nullable String sslBundle,
        @DefaultValue("false") boolean telemetry) {

    private static final java.util.regex.Pattern SECRET_KEY =
            java.util.regex.Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9]{8,}");

    @AssertTrue(
            message = "STRIPE_SECRET_KEY must be a secret key (sk_test_..., sk_live_...) or a restricted key (rk_...)"
                    + " from the Stripe dashboard with nothing around it, not a publishable key (pk_...); unset it to"
                    + " run in offline mode")
    boolean isSecretKeyUsable() {
        return StripeMode.of(this.secretKey).isOffline()
                || SECRET_KEY.matcher(this.secretKey).matches();
    }

    @AssertTrue(
            message = "A live Stripe key would be sent in clear text: STRIPE_API_BASE must be an https:// URL with a"
                    + " live key (plain http is for test keys and local stand-ins)")
    boolean isLiveKeySentOverHttps() {
        return StripeMode.of(this.secretKey) != StripeMode.LIVE || this.apiBase.startsWith("https://");
    }

    @Override
    public String toString() {
        return "StripeProperties[secretKey=" + ((this.secretKey == null) ? "<unset>" : "<redacted>") + ", apiBase="
                + this.apiBase + ", connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout
                + ", maxNetworkRetries=" + this.maxNetworkRetries + ", maxConcurrentCalls=" + this.maxConcurrentCalls
                + ", sslBundle=" + this.sslBundle + ", telemetry=" + this.telemetry + "]";
    }
}
