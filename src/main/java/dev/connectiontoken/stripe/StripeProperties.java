package dev.connectiontoken.stripe;

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
 * How the service reaches Stripe. The key is checked by {@code StripeMode.of} rather than a constraint here, because
 * Boot's bind-failure report would print the rejected value: the key itself.
 *
 * @param secretKey the secret ({@code sk_}) or restricted ({@code rk_}) key; blank for offline mode
 * @param apiBase where Stripe's API is; tests and benchmarks point it at a stand-in
 * @param connectTimeout how long to wait for a connection to Stripe
 * @param readTimeout how long to wait for Stripe's answer once the request is sent
 * @param maxNetworkRetries how many times stripe-java retries a failed call (same idempotency key each time)
 * @param maxConcurrentCalls how many Stripe calls may be in flight at once; more are refused with 503 at once. With
 *     platform threads (JDK 17) keep it below the request thread count (400 here), so that a Stripe stall never takes
 *     every thread and the health probes keep answering; with virtual threads (JDK 21+) threads are not the limit.
 * @param httpClient stripe-java's transport: {@code apache} (pooled HTTP/1.1, the cheapest per call), {@code jdk}
 *     (pooled, HTTP/2) or {@code url-connection} (stripe-java's own)
 * @param sslBundle the name of a {@code spring.ssl.bundle.*} whose trust material verifies the api base (an egress proxy
 *     that re-signs TLS, a stand-in); unset, the JVM's trust store. Not with the {@code url-connection} transport.
 * @param telemetry whether stripe-java reports the id and duration of each call to Stripe in a header of the next one
 *     ({@code X-Stripe-Client-Telemetry}); off by default, because it costs CPU on every call and tells Stripe nothing
 *     it needs to mint tokens. stripe-java keeps this switch JVM-wide ({@code Stripe.enableTelemetry}).
 * @param connectionsBeforeReady how many connections to Stripe to open (TCP and TLS) before the service turns ready, so
 *     that a burst of first calls does not wait on as many handshakes; {@code apache} transport only, at most
 *     {@code maxConcurrentCalls}; 0 (the default) opens none
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

        @DefaultValue(StripeProperties.DEFAULT_MAX_CONCURRENT_CALLS) @Min(1)
        int maxConcurrentCalls,

        @DefaultValue("apache") @NotNull HttpClientType httpClient,

        @Nullable String sslBundle,

        @DefaultValue("false") boolean telemetry,

        @DefaultValue("0") @Min(0) int connectionsBeforeReady) {

    /** Also read by {@code @ConcurrencyLimit} on {@link StripeTerminalGateway}, which cannot take a bean. */
    static final String DEFAULT_MAX_CONCURRENT_CALLS = "300";

    @Override
    public String toString() {
        return "StripeProperties[secretKey=" + ((this.secretKey == null) ? "<unset>" : "<redacted>") + ", apiBase="
                + this.apiBase
                + ", connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout
                + ", maxNetworkRetries=" + this.maxNetworkRetries + ", maxConcurrentCalls=" + this.maxConcurrentCalls
                + ", httpClient=" + this.httpClient + ", sslBundle=" + this.sslBundle + ", telemetry=" + this.telemetry
                + ", connectionsBeforeReady=" + this.connectionsBeforeReady + "]";
    }

    /** stripe-java's transport. */
    public enum HttpClientType {
        /** Apache HttpClient 5, classic: pooled keep-alive HTTP/1.1 connections, blocking I/O on the calling thread. */
        APACHE,
        /** {@code java.net.http.HttpClient}: pooled keep-alive connections, HTTP/2 where offered. */
        JDK,
        /** stripe-java's own {@code HttpURLConnection} client: at most five idle connections per host. */
        URL_CONNECTION
    }
}
