package dev.connectiontoken.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A caller the service trusts, from configuration (API key) or from a JWT's claims.
 *
 * @param id names the client in logs and metrics
 * @param locations the locations it may scope tokens to; empty means any
 * @param defaultLocation the location used when it asks for none
 * @param account the connected account its tokens are minted on (Stripe Connect), if any
 */
public record Client(
        String id,
        List<String> locations,
        @Nullable String defaultLocation,
        @Nullable String account) {

    /** The caller when no authentication is configured (offline mode, or a test key with no clients). */
    public static final Client ANONYMOUS = new Client("anonymous", List.of(), null, null);

    public Client {
        locations = List.copyOf(locations);
    }

    public boolean isAnonymous() {
        return this == ANONYMOUS;
    }
}
