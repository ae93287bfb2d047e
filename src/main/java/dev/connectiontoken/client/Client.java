package dev.connectiontoken.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A caller the service trusts; {@code keyId} is the first 8 hex digits of its key's SHA-256, never the key. */
public record Client(
        String id,
        List<String> locations,
        @Nullable String defaultLocation,
        @Nullable String account,
        Source source,
        @Nullable String keyId) {

    /** Stripe id shapes: prefix and alphabet only, since Stripe itself says whether an id exists. */
    public static final String LOCATION_ID = "^tml_[A-Za-z0-9]+$";

    public static final String ACCOUNT_ID = "^acct_[A-Za-z0-9]+$";

    /** The caller when no authentication is configured (offline mode, or a test key with no clients). */
    public static final Client ANONYMOUS = new Client("anonymous", List.of(), null, null, Source.ANONYMOUS, null);

    public Client {
        locations = List.copyOf(locations);
    }

    /** How audit lines and rate-limit buckets name the client, so that a JWT subject never passes for a key's id. */
    public String principal() {
        return switch (this.source) {
            case CONFIGURED -> "key:" + this.id;
            case JWT -> "jwt:" + this.id;
            case ANONYMOUS -> "anonymous";
        };
    }

    /** A metric's {@code client} tag: configured ids are a bounded set, JWT subjects are not, so they share one. */
    public String metricsTag() {
        return (this.source == Source.JWT) ? "jwt" : principal();
    }

    public enum Source {
        CONFIGURED,
        JWT,
        ANONYMOUS
    }
}
