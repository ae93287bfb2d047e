package dev.connectiontoken.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a caller's API key is known to the service: by its SHA-256, never by the key itself
 * ({@code connection-token.clients[N].api-key-sha256} holds the hex form, as {@code printf %s "$KEY" | sha256sum}
 * prints it).
 */
public final class ApiKeys {

    private ApiKeys() {}

    /** The SHA-256 of the key's UTF-8 bytes. */
    public static byte[] sha256(String apiKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }

    /** The same, as 64 lower-case hex digits: what {@code api-key-sha256} is set to. */
    public static String sha256Hex(String apiKey) {
        return HexFormat.of().formatHex(sha256(apiKey));
    }
}
