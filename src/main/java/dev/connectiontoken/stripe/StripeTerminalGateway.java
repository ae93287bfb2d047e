package dev.connectiontoken.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.terminal.ConnectionToken;
import com.stripe.net.RequestOptions;
import com.stripe.param.terminal.ConnectionTokenCreateParams;
import dev.connectiontoken.error.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.ConcurrencyLimit;

/**
 * Stripe's Terminal API in our own types: one Stripe call per token, never cached. At most
 * {@code connection-token.stripe.max-concurrent-calls} calls are in flight; beyond that a call is rejected at once
 * rather than queued, so a Stripe stall cannot take every request thread. Each call is timed in {@code stripe.requests}.
 * Without a client (offline mode) it issues fakes.
 */
public class StripeTerminalGateway {

    private final @Nullable StripeClient client;

    private final StripeErrorTranslator translator;

    private final MeterRegistry meters;

    private final OfflineTokens offline = new OfflineTokens();

    /** One timer per result; results are problem types, a bounded set. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    StripeTerminalGateway(@Nullable StripeClient client, StripeErrorTranslator translator, MeterRegistry meters) {
        this.client = client;
        this.translator = translator;
        this.meters = meters;
    }

    /**
     * Mints a fresh token.
     *
     * @param location the location to scope the token to, or {@code null} for an unscoped token
     * @param expand the response fields to expand, forwarded to Stripe as {@code expand[n]}
     * @param account the connected account to mint the token on ({@code Stripe-Account}), or {@code null}
     * @throws ApiException when Stripe fails, already mapped to our answer
     */
    @ConcurrencyLimit(
            limitString = "${connection-token.stripe.max-concurrent-calls:"
                    + StripeProperties.DEFAULT_MAX_CONCURRENT_CALLS + "}",
            policy = ConcurrencyLimit.ThrottlePolicy.REJECT)
    public IssuedToken createToken(@Nullable String location, List<String> expand, @Nullable String account) {
        if (this.client == null) {
            return new IssuedToken(this.offline.newSecret(), location, true, null);
        }
        Timer.Sample sample = Timer.start(this.meters);
        String result = "success";
        try {
            return issued(callStripe(this.client, parameters(location, expand), options(account)));
        } catch (ApiException ex) {
            result = ex.type().slug();
            throw ex;
        } finally {
            sample.stop(this.timers.computeIfAbsent(
                    result,
                    (tag) -> Timer.builder("stripe.requests")
                            .description("Calls to Stripe's connection-token endpoint, retries included")
                            .tag("result", tag)
                            .publishPercentileHistogram()
                            .register(this.meters)));
        }
    }

    private IssuedToken issued(ConnectionToken token) {
        String requestId =
                (token.getLastResponse() != null) ? token.getLastResponse().requestId() : null;
        String secret = token.getSecret();
        if (secret == null || !secret.startsWith("pst_")) {
            throw this.translator.malformedAnswer(requestId, null);
        }
        return new IssuedToken(secret, token.getLocation(), false, requestId);
    }

    /** A client with an account gets tokens on that connected account: Stripe's "direct charges". */
    private static RequestOptions options(@Nullable String account) {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder();
        if (account != null) {
            options.setStripeAccount(account);
        }
        return options.build();
    }

    private static ConnectionTokenCreateParams parameters(@Nullable String location, List<String> expand) {
        ConnectionTokenCreateParams.Builder parameters = ConnectionTokenCreateParams.builder();
        if (location != null) {
            parameters.setLocation(location);
        }
        expand.forEach(parameters::addExpand);
        return parameters.build();
    }

    private ConnectionToken callStripe(
            StripeClient client, ConnectionTokenCreateParams parameters, RequestOptions options) {
        try {
            return client.v1().terminal().connectionTokens().create(parameters, options);
        } catch (StripeException ex) {
            throw this.translator.translate(ex);
        } catch (RuntimeException ex) {
            // stripe-java fails with a NullPointerException or a Gson exception on some answers it cannot parse.
            throw this.translator.malformedAnswer(null, ex);
        }
    }

    /**
     * A connection token just minted.
     *
     * @param secret what the Terminal SDK needs; never logged
     * @param location the location the token is scoped to, if any
     * @param offline whether the token is a fake from offline mode
     * @param stripeRequestId Stripe's {@code Request-Id} for the call that minted it
     */
    public record IssuedToken(
            String secret,
            @Nullable String location,
            boolean offline,
            @Nullable String stripeRequestId) {

        @Override
        public String toString() {
            return "IssuedToken[secret=<redacted>, location=" + this.location + ", offline=" + this.offline
                    + ", stripeRequestId=" + this.stripeRequestId + "]";
        }
    }
}
