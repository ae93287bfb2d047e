package dev.connectiontoken.stripe;

import org.jspecify.annotations.Nullable;

/**
 * Which kind of tokens the service issues, read from the configured key (checked by {@link StripeProperties}): the one
 * place that decides whether a key is set. Offline mode (no key) issues fake tokens.
 */
public enum StripeMode {
    OFFLINE,
    TEST,
    LIVE;

    static StripeMode of(@Nullable String secretKey) {
        if (secretKey == null || secretKey.isBlank()) {
            return OFFLINE;
        }
        return secretKey.contains("_live_") ? LIVE : TEST;
    }

    public boolean isOffline() {
        return this == OFFLINE;
    }
}
