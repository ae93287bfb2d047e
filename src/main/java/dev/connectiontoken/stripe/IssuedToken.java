package dev.connectiontoken.stripe;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A connection token just minted, with a {@code toString()} that never shows its secret. */
public record IssuedToken(
        String secret, boolean offline, @Nullable String stripeRequestId, Duration waited) {

    @Override
    public String toString() {
        return "IssuedToken[secret=<redacted>, offline=" + this.offline + ", stripeRequestId=" + this.stripeRequestId
                + ", waited=" + this.waited + "]";
    }
}
