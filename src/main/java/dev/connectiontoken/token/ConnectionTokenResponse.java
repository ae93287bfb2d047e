package dev.connectiontoken.token;

import org.jspecify.annotations.Nullable;

/**
 * What the Terminal SDKs read: {@code secret}, plus {@code location} when the token is scoped (the location this service
 * asked Stripe for).
 *
 * @param secret the connection token to hand to the Terminal SDK
 * @param location the location the token is scoped to
 */
record ConnectionTokenResponse(String secret, @Nullable String location) {

    @Override
    public String toString() {
        return "ConnectionTokenResponse[secret=<redacted>, location=" + this.location + "]";
    }
}
