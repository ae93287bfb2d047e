package dev.connectiontoken.stripe;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mints connection tokens: from Stripe when a key is configured, as offline fakes when not. */
public interface TerminalGateway {

    /**
     * Mints a fresh token; tokens are never cached or reused.
     *
     * @param location the location to scope the token to, or {@code null} for an unscoped token
     * @param expand the response fields to expand, forwarded to Stripe as {@code expand[n]}
     * @param account the connected account to mint the token on ({@code Stripe-Account}), or {@code null}
     * @throws dev.connectiontoken.error.ApiException when Stripe fails, already mapped to our answer
     */
    IssuedToken createToken(@Nullable String location, List<String> expand, @Nullable String account);
}
