package dev.connectiontoken.location;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.stripe.StripeTerminalGateway;
import dev.connectiontoken.stripe.TerminalLocation;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The locations a client may use: those of its list, each looked up in Stripe (one that Stripe no longer has is left
 * out), or, for a client not limited to a list, its account's locations up to {@code max}. Answers are kept for
 * {@code cache-ttl}, per client and account, never shared between them.
 */
@Service
class LocationService {

    private final StripeTerminalGateway gateway;

    private final LocationProperties properties;

    private final Cache<String, List<TerminalLocation>> cache;

    LocationService(StripeTerminalGateway gateway, LocationProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /** The client's locations; concurrent callers of one client wait for a single Stripe lookup. */
    List<TerminalLocation> locationsFor(Client client) {
        return this.cache.get(cacheKey(client), (key) -> lookUp(client));
    }

    private List<TerminalLocation> lookUp(Client client) {
        if (client.locations().isEmpty()) {
            return this.gateway.listLocations(client.account(), this.properties.max());
        }
        return client.locations().stream()
                .map((id) -> this.gateway.retrieveLocation(id, client.account()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The client (credential kind and id), its account and its list: a JWT's claims may change between tokens. */
    private static String cacheKey(Client client) {
        return client.principal() + '\n' + client.account() + '\n' + client.locations();
    }
}
