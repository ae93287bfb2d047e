package dev.connectiontoken.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeObject;
import com.stripe.model.terminal.ConnectionToken;
import com.stripe.model.terminal.Location;
import com.stripe.net.RequestOptions;
import com.stripe.param.terminal.ConnectionTokenCreateParams;
import com.stripe.param.terminal.LocationListParams;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's Terminal API in our types: one call per token (never cached), and one limit of calls in flight for all
 * operations, past which a call fails at once rather than queue behind a stalled Stripe. Without a client (offline mode)
 * it answers with visible fakes, so that a fresh checkout runs without a Stripe account.
 */
public class StripeTerminalGateway implements AutoCloseable {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // Two, so that an app's location picker has something to show offline.
    private static final List<TerminalLocation> OFFLINE_LOCATIONS = List.of(
            new TerminalLocation("tml_OfflineDemo1", "Offline demo location 1 (fake)", null),
            new TerminalLocation("tml_OfflineDemo2", "Offline demo location 2 (fake)", null));

    private final @Nullable StripeClient client;
    private final @Nullable AutoCloseable transport;
    private final Semaphore inFlight;
    private final @Nullable StripeBudget budget;
    private final ObservationRegistry observations;
    private final StripeErrorTranslator translator = new StripeErrorTranslator();
    private final SecureRandom random = new SecureRandom();

    StripeTerminalGateway(
            @Nullable StripeClient client,
            @Nullable AutoCloseable transport,
            int maxConcurrentCalls,
            @Nullable StripeBudget budget,
            ObservationRegistry observations) {
        this.client = client;
        this.transport = transport;
        this.inFlight = new Semaphore(maxConcurrentCalls);
        this.budget = budget;
        this.observations = observations;
    }

    @Override
    public void close() throws Exception {
        if (this.transport != null) {
            this.transport.close();
        }
    }

    public IssuedToken createToken(@Nullable String location, List<String> expand, @Nullable String account) {
        StripeClient stripe = this.client;
        if (stripe == null) {
            StringBuilder secret = new StringBuilder("pst_test_offline_");
            this.random.ints(32, 0, ALPHABET.length()).forEach((i) -> secret.append(ALPHABET.charAt(i)));
            return new IssuedToken(secret.toString(), true, null, Duration.ZERO);
        }
        ConnectionTokenCreateParams.Builder parameters =
                ConnectionTokenCreateParams.builder().setLocation(location);
        expand.forEach(parameters::addExpand);
        Answer<ConnectionToken> token = call(
                "create_connection_token",
                account,
                () -> stripe.v1().terminal().connectionTokens().create(parameters.build(), options(account)));
        String secret = token.value().getSecret();
        if (secret == null || !secret.startsWith("pst_")) {
            throw this.translator.unreadable(requestId(token.value()), null);
        }
        return new IssuedToken(secret, false, requestId(token.value()), token.waited());
    }

    /** Oldest first as Stripe lists them, following Stripe's pages up to {@code max}. */
    public List<TerminalLocation> listLocations(@Nullable String account, int max) {
        StripeClient stripe = this.client;
        if (stripe == null) {
            return OFFLINE_LOCATIONS;
        }
        List<TerminalLocation> locations = new ArrayList<>();
        String after = null;
        StripeCollection<Location> page;
        do {
            LocationListParams params = LocationListParams.builder()
                    .setLimit((long) Math.min(100, max - locations.size()))
                    .setStartingAfter(after)
                    .build();
            page = call(
                            "list_locations",
                            account,
                            () -> stripe.v1().terminal().locations().list(params, options(account)))
                    .value();
            page.getData().forEach((location) -> locations.add(TerminalLocation.of(location)));
            after = page.getData().isEmpty()
                    ? null
                    : page.getData().get(page.getData().size() - 1).getId();
        } while (Boolean.TRUE.equals(page.getHasMore()) && after != null && locations.size() < max);
        return List.copyOf(locations);
    }

    /** Empty when Stripe no longer has it (deleted, or never on this account). */
    public Optional<TerminalLocation> retrieveLocation(String id, @Nullable String account) {
        StripeClient stripe = this.client;
        if (stripe == null) {
            return Optional.of(new TerminalLocation(id, "Offline location " + id + " (fake)", null));
        }
        try {
            Location location = call(
                            "retrieve_location",
                            account,
                            () -> stripe.v1().terminal().locations().retrieve(id, options(account)))
                    .value();
            return Boolean.TRUE.equals(location.getDeleted())
                    ? Optional.empty()
                    : Optional.of(TerminalLocation.of(location));
        } catch (StripeFailure ex) {
            if ("resource_missing".equals(ex.code())) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    /** Every call waits for its account's turn in the Stripe budget first, outside the limit of calls in flight. */
    private <T extends StripeObject> Answer<T> call(String operation, @Nullable String account, StripeCall<T> call) {
        StripeBudget.Turn turn = (this.budget != null) ? this.budget.take(account) : StripeBudget.Turn.FREE;
        if (!turn.isGranted()) {
            throw new StripeFailure(StripeFailure.Kind.BUDGET_SPENT, "No turn in the Stripe budget in time", null)
                    .retryAfter(turn.retryAfter());
        }
        if (!this.inFlight.tryAcquire()) {
            throw new StripeFailure(StripeFailure.Kind.SATURATED, "Too many calls to Stripe in flight", null);
        }
        Observation observation = Observation.createNotStarted("stripe.requests", this.observations)
                .contextualName("stripe " + operation)
                .lowCardinalityKeyValue("operation", operation)
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            T answer = call.call();
            tag(observation, "success", requestId(answer));
            return new Answer<>(answer, turn.waited());
        } catch (StripeException ex) {
            StripeFailure failure = this.translator.translate(ex);
            // A lock_timeout 429 is about one object, not the account's rate.
            if (failure.kind() == StripeFailure.Kind.RATE_LIMITED
                    && !"lock_timeout".equals(failure.code())
                    && this.budget != null) {
                failure.retryAfter(this.budget.throttled(account));
            }
            throw failed(observation, failure.waited(turn.waited()));
        } catch (RuntimeException ex) {
            // stripe-java fails with a NullPointerException or a Gson exception on some answers it cannot parse.
            throw failed(observation, this.translator.unreadable(null, ex).waited(turn.waited()));
        } finally {
            observation.stop();
            this.inFlight.release();
        }
    }

    private static StripeFailure failed(Observation observation, StripeFailure failure) {
        tag(observation, failure.kind().tag(), failure.requestId());
        observation.error(failure);
        return failure;
    }

    private static void tag(Observation observation, String result, @Nullable String requestId) {
        observation.lowCardinalityKeyValue("result", result);
        if (requestId != null) {
            observation.highCardinalityKeyValue("stripe.request_id", requestId);
        }
    }

    private static @Nullable String requestId(@Nullable StripeObject answer) {
        return (answer != null && answer.getLastResponse() != null)
                ? answer.getLastResponse().requestId()
                : null;
    }

    private static RequestOptions options(@Nullable String account) {
        return RequestOptions.builder().setStripeAccount(account).build();
    }

    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    private record Answer<T>(T value, Duration waited) {}
}
