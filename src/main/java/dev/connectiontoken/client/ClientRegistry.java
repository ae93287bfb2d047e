package dev.connectiontoken.client;

import dev.connectiontoken.client.ClientProperties.ClientEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The configured API-key clients. Keys are looked up by their SHA-256, compared with every configured hash in
 * constant time, so neither the key nor which client matched shows in the timing.
 */
@Component
public class ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private final List<Registered> clients;

    public ClientRegistry(ClientProperties properties) {
        properties.clients().forEach(ClientRegistry::checkDefaultLocation);
        checkUnique(properties.clients());
        this.clients = properties.clients().stream()
                .map((entry) -> new Registered(HexFormat.of().parseHex(entry.apiKeySha256()), entry.toClient()))
                .toList();
    }

    public boolean isEmpty() {
        return this.clients.isEmpty();
    }

    public int size() {
        return this.clients.size();
    }

    public Optional<Client> findByApiKey(String apiKey) {
        byte[] digest = sha256(apiKey);
        Client found = null;
        for (Registered registered : this.clients) {
            if (MessageDigest.isEqual(registered.hash(), digest)) {
                found = registered.client();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String apiKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }

    private static void checkDefaultLocation(ClientEntry entry) {
        if (entry.defaultLocation() != null && !LocationPolicy.allows(entry.locations(), entry.defaultLocation())) {
            throw new IllegalStateException("connection-token.clients: client '" + entry.id()
                    + "' has a default-location that is not in its locations");
        }
        if (entry.defaultLocation() != null && entry.locations().isEmpty()) {
            // A default is a convenience, not a limit: easy to misread, so said once at startup.
            log.warn(
                    "connection-token.clients: client '{}' has a default-location but no locations, so it may still"
                            + " name ANY location; set its locations to limit it",
                    entry.id());
        }
    }

    private static void checkUnique(List<ClientEntry> entries) {
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (ClientEntry entry : entries) {
            if (!ids.add(entry.id())) {
                throw new IllegalStateException("connection-token.clients: the id '" + entry.id() + "' is used twice");
            }
            if (!hashes.add(entry.apiKeySha256().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(
                        "connection-token.clients: client '" + entry.id() + "' shares its api-key-sha256 with another");
            }
        }
    }

    private record Registered(byte[] hash, Client client) {}
}
