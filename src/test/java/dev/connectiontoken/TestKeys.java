package dev.connectiontoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** API keys for tests and their SHA-256, as an operator would configure them. */
public final class TestKeys {

    public static final String OPEN = "ctk_test_open_3b1f0c8e2d7a4f6b9c5e1d0a";

    public static final String LIMITED = "ctk_test_limited_8f2e4d6c1b3a5f7e9d0c2b4a";

    public static final String STRICT = "ctk_test_strict_5c7e9a1b3d5f7a9c1e3b5d7f";

    public static final String CONNECT = "ctk_test_connect_2a4c6e8f0b2d4f6a8c0e2b4d";

    private TestKeys() {}

    /** What {@code printf %s "$KEY" | sha256sum} prints. */
    public static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
