package dev.connectiontoken.stripe;

import org.jspecify.annotations.Nullable;

/**
 * A connection token just minted.
 *
 * @param secret what the Terminal SDK needs; never logged
 * @param offline whether the token is a fake from offline mode
 * @param stripeRequestId Stripe's {@code Request-Id} for the call that minted it
 */
public record IssuedToken(
        String secret, boolean offline, @Nullable String stripeRequestId) {

    @Override
    public String toString() {
        return "IssuedToken[secret=<redacted>, offline=" + this.offline + ", stripeRequestId=" + this.stripeRequestId
                + "]";
    }
}
