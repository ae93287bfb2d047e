package dev.connectiontoken.stripe;

import org.jspecify.annotations.Nullable;

/**
 * A connection token just minted.
 *
 * @param secret what the Terminal SDK needs; never logged
 * @param location the location the token is scoped to, if any
 * @param offline whether the token is a fake from offline mode
 */
public record IssuedToken(String secret, @Nullable String location, boolean offline) {

    @Override
    public String toString() {
        return "IssuedToken[secret=<redacted>, location=" + this.location + ", offline=" + this.offline + "]";
    }
}
