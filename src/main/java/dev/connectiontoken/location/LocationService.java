package dev.connectiontoken.location;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.stripe.StripeTerminalGateway;
import dev.connectiontoken.stripe.TerminalLocation;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A client's locations (its list, as Stripe still has them, or its account's), kept per client for {@code cache-ttl}. */
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

    /** The client's locations, one Stripe lookup for concurrent callers; a JWT's claims may change between tokens. */
    List<TerminalLocation> locationsFor(Client client) {
        String key = client.principal() + '\n' + client.account() + '\n' + client.locations();
        return this.cache.get(key, (ignored) -> lookUp(client));
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
}
