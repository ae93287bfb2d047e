package dev.connectiontoken.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeObject;
import com.stripe.model.terminal.ConnectionToken;
import com.stripe.model.terminal.Location;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.param.terminal.ConnectionTokenCreateParams;
import com.stripe.param.terminal.LocationListParams;
import dev.connectiontoken.error.ApiException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.annotation.ConcurrencyLimit;

/**
 * Stripe's Terminal API in our own types: connection tokens (one Stripe call per token, never cached) and locations. At
 * most
 * {@code connection-token.stripe.max-concurrent-calls} calls are in flight; beyond that a call is rejected at once
 * rather than queued, so a Stripe stall cannot take every request thread. Each call is observed as {@code stripe.requests}
 * (a timer, and a span when tracing is on).
 * Without a client (offline mode) it issues fakes.
 */
public class StripeTerminalGateway {

    private final @Nullable StripeClient client;

    private final StripeErrorTranslator translator;

    private final ObservationRegistry observations;

    private final OfflineTokens offline = new OfflineTokens();

    private final @Nullable AutoCloseable transport;

    StripeTerminalGateway(
            @Nullable StripeClient client, StripeErrorTranslator translator, ObservationRegistry observations) {
        this(client, translator, observations, null);
    }

    StripeTerminalGateway(
            @Nullable StripeClient client,
            StripeErrorTranslator translator,
            ObservationRegistry observations,
            @Nullable AutoCloseable transport) {
        this.client = client;
        this.translator = translator;
        this.observations = observations;
        this.transport = transport;
    }

    /** Closes the connections to Stripe; Spring calls it when the context closes, after in-flight requests. */
    public void close() throws Exception {
        if (this.transport != null) {
            this.transport.close();
        }
    }

    /**
     * Opens up to {@code count} connections to Stripe ahead of the first calls, where the transport can (the
     * {@code apache} one); none in offline mode.
     *
     * @return how many were opened
     */
    int openConnections(URI apiBase, int count, Duration timeout) throws InterruptedException {
        return (this.transport instanceof PooledStripeHttpClient pooled)
                ? pooled.openConnections(apiBase, count, timeout)
                : 0;
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
        StripeClient stripe = this.client;
        if (stripe == null) {
            return new IssuedToken(this.offline.newSecret(), location, true, null);
        }
        ConnectionToken token = Objects.requireNonNull(observed(
                "create_connection_token",
                () -> withSecret(stripe.v1()
                        .terminal()
                        .connectionTokens()
                        .create(parameters(location, expand), options(account)))));
        return new IssuedToken(token.getSecret(), token.getLocation(), false, requestId(token));
    }

    /**
     * The account's locations, oldest first as Stripe lists them, following Stripe's pages up to {@code max}.
     *
     * @param account the connected account whose locations to list ({@code Stripe-Account}), or {@code null}
     */
    @ConcurrencyLimit(
            limitString = "${connection-token.stripe.max-concurrent-calls:"
                    + StripeProperties.DEFAULT_MAX_CONCURRENT_CALLS + "}",
            policy = ConcurrencyLimit.ThrottlePolicy.REJECT)
    public List<TerminalLocation> listLocations(@Nullable String account, int max) {
        StripeClient stripe = this.client;
        if (stripe == null) {
            return OfflineTokens.locations();
        }
        List<TerminalLocation> locations = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more && locations.size() < max) {
            LocationListParams.Builder page =
                    LocationListParams.builder().setLimit((long) Math.min(100, max - locations.size()));
            if (after != null) {
                page.setStartingAfter(after);
            }
            StripeCollection<Location> found = Objects.requireNonNull(observed(
                    "list_locations", () -> stripe.v1().terminal().locations().list(page.build(), options(account))));
            found.getData().forEach((location) -> locations.add(TerminalLocation.of(location)));
            more = Boolean.TRUE.equals(found.getHasMore()) && !found.getData().isEmpty();
            after = found.getData().isEmpty()
                    ? null
                    : found.getData().get(found.getData().size() - 1).getId();
        }
        return List.copyOf(locations);
    }

    /** One location, or empty when Stripe no longer has it (deleted, or never on this account). */
    @ConcurrencyLimit(
            limitString = "${connection-token.stripe.max-concurrent-calls:"
                    + StripeProperties.DEFAULT_MAX_CONCURRENT_CALLS + "}",
            policy = ConcurrencyLimit.ThrottlePolicy.REJECT)
    public Optional<TerminalLocation> retrieveLocation(String id, @Nullable String account) {
        StripeClient stripe = this.client;
        if (stripe == null) {
            return Optional.of(new TerminalLocation(id, "Offline location " + id + " (fake)", null));
        }
        Location location = observed("retrieve_location", () -> {
            try {
                return stripe.v1().terminal().locations().retrieve(id, options(account));
            } catch (InvalidRequestException ex) {
                if ("resource_missing".equals(ex.getCode())) {
                    return null;
                }
                throw ex;
            }
        });
        return (location == null || Boolean.TRUE.equals(location.getDeleted()))
                ? Optional.empty()
                : Optional.of(TerminalLocation.of(location));
    }

    /**
     * Calls Stripe inside an observation, {@code stripe.requests}: a timer by operation and result, and a span that is a
     * child of the request's, with Stripe's request id as an attribute. Failures come out as our answers.
     */
    private <T extends StripeObject> @Nullable T observed(String operation, StripeCall<T> call) {
        Observation observation = Observation.createNotStarted("stripe.requests", this.observations)
                .contextualName("stripe " + operation)
                .lowCardinalityKeyValue("operation", operation);
        observation.start();
        try (Observation.Scope scope = observation.openScope()) {
            T answer = call.call();
            finish(observation, "success", (answer != null) ? answer.getLastResponse() : null);
            return answer;
        } catch (StripeException ex) {
            ApiException answer = this.translator.translate(ex);
            if (ex.getRequestId() != null) {
                observation.highCardinalityKeyValue("stripe.request_id", ex.getRequestId());
            }
            observation.lowCardinalityKeyValue("result", answer.type().slug()).error(answer);
            throw answer;
        } catch (ApiException ex) {
            observation.lowCardinalityKeyValue("result", ex.type().slug()).error(ex);
            throw ex;
        } catch (RuntimeException ex) {
            // stripe-java fails with a NullPointerException or a Gson exception on some answers it cannot parse.
            ApiException answer = this.translator.malformedAnswer(null, ex);
            observation.lowCardinalityKeyValue("result", answer.type().slug()).error(answer);
            throw answer;
        } finally {
            observation.stop();
        }
    }

    private static void finish(Observation observation, String result, @Nullable StripeResponse response) {
        observation.lowCardinalityKeyValue("result", result);
        if (response != null && response.requestId() != null) {
            observation.highCardinalityKeyValue("stripe.request_id", response.requestId());
        }
    }

    /** A call to Stripe through stripe-java. */
    @FunctionalInterface
    private interface StripeCall<T> {
        @Nullable
        T call() throws StripeException;
    }

    /** Stripe answered 200: it still must hold a token, or the answer is unreadable to us. */
    private ConnectionToken withSecret(ConnectionToken token) {
        String secret = token.getSecret();
        if (secret == null || !secret.startsWith("pst_")) {
            throw this.translator.malformedAnswer(requestId(token), null);
        }
        return token;
    }

    private static @Nullable String requestId(StripeObject answer) {
        return (answer.getLastResponse() != null) ? answer.getLastResponse().requestId() : null;
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

    /**
     * A Terminal location, as much of it as a point-of-sale app needs to pick one.
     *
     * @param id the location id ({@code tml_...})
     * @param displayName its name in the Stripe dashboard
     * @param address its address, if Stripe has one
     */
    public record TerminalLocation(
            String id, String displayName, @Nullable Address address) {

        static TerminalLocation of(Location location) {
            com.stripe.model.Address address = location.getAddress();
            return new TerminalLocation(
                    location.getId(),
                    String.valueOf(location.getDisplayName()),
                    (address != null)
                            ? new Address(
                                    address.getLine1(),
                                    address.getLine2(),
                                    address.getCity(),
                                    address.getState(),
                                    address.getPostalCode(),
                                    address.getCountry())
                            : null);
        }
    }

    /**
     * A postal address, as Stripe keeps it.
     *
     * @param line1 the first line
     * @param line2 the second line
     * @param city the city
     * @param state the state, county or province
     * @param postalCode the postal code
     * @param country the ISO 3166-1 alpha-2 country code
     */
    public record Address(
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode,
            @Nullable String country) {}
}
