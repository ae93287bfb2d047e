package dev.connectiontoken.stripe;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which kind of tokens the service issues, read from the shape of the configured key: the one place that decides
 * whether a key is set. Offline mode (no key) issues fake tokens; a live key is never sent in clear text.
 */
public enum StripeMode {
    OFFLINE,
    TEST,
    LIVE;

    private static final Pattern SECRET_KEY = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9]{8,}");

    /**
     * Reads the mode from a key, refusing anything that is not a secret or restricted key. The messages never
     * contain the key.
     */
    public static StripeMode of(@Nullable String secretKey) {
        if (secretKey == null || secretKey.isBlank()) {
            return OFFLINE;
        }
        if (secretKey.startsWith("pk_")) {
            throw new InvalidStripeKeyException(
                    "STRIPE_SECRET_KEY holds a publishable key (pk_...), which cannot" + " create connection tokens");
        }
        if (!SECRET_KEY.matcher(secretKey).matches()) {
            throw new InvalidStripeKeyException("STRIPE_SECRET_KEY is not a Stripe secret key: expected sk_test_...,"
                    + " sk_live_..., rk_test_... or rk_live_... with nothing around it");
        }
        return secretKey.contains("_live_") ? LIVE : TEST;
    }

    /** The mode of {@code secretKey}, refusing a live key that would travel to {@code apiBase} over plain HTTP. */
    public static StripeMode of(@Nullable String secretKey, String apiBase) {
        StripeMode mode = of(secretKey);
        if (mode == LIVE && !apiBase.startsWith("https://")) {
            throw new InvalidStripeKeyException(
                    "A live Stripe key would be sent in clear text: STRIPE_API_BASE is not an https:// URL",
                    "Use an https:// api base with a live key (the default is https://api.stripe.com); plain http is"
                            + " for test keys and local stand-ins only.");
        }
        return mode;
    }

    public boolean isOffline() {
        return this == OFFLINE;
    }
}
