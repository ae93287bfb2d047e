package dev.connectiontoken.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Clients known by their keys' SHA-256 only, compared in constant time so that timing shows neither key nor client. */
@Component
public class ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private final List<Registered> clients;

    public ClientRegistry(ClientProperties properties) {
        // A default is a convenience, not a limit: easy to misread, so said once at startup.
        properties.clients().stream()
                .filter((entry) ->
                        entry.defaultLocation() != null && entry.locations().isEmpty())
                .forEach((entry) -> log.warn(
                        "connection-token.clients: client '{}' has a default-location but no locations, so it may"
                                + " still name ANY location; set its locations to limit it",
                        entry.id()));
        this.clients = properties.clients().stream()
                .flatMap((entry) -> entry.apiKeySha256().stream()
                        .map((hash) -> new Registered(HexFormat.of().parseHex(hash), entry.toClient(hash))))
                .toList();
    }

    /** How many keys are configured, all clients together. */
    public int size() {
        return this.clients.size();
    }

    public Optional<Client> findByApiKey(String apiKey) {
        byte[] digest = sha256(apiKey);
        // reduce, not findFirst: every hash is compared, whichever matches.
        return this.clients.stream()
                .filter((registered) -> MessageDigest.isEqual(registered.hash(), digest))
                .map(Registered::client)
                .reduce((first, other) -> first);
    }

    private static byte[] sha256(String apiKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }

    private record Registered(byte[] hash, Client client) {}
}
