package dev.connectiontoken.stripe;

import org.jspecify.annotations.Nullable;

/** Which kind of tokens the service issues, read from the key: the one place that decides whether a key is set. */
public enum StripeMode {
    OFFLINE,
    TEST,
    LIVE;

    static StripeMode of(@Nullable String secretKey) {
        return (secretKey == null || secretKey.isBlank()) ? OFFLINE : secretKey.contains("_live_") ? LIVE : TEST;
    }

    public boolean isOffline() {
        return this == OFFLINE;
    }
}
