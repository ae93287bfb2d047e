package dev.connectiontoken.stripe;

import com.stripe.model.terminal.Location;
import org.jspecify.annotations.Nullable;

/** A Terminal location, as much of it as a point-of-sale app needs to pick one. */
public record TerminalLocation(
        String id, String displayName, @Nullable Address address) {

    static TerminalLocation of(Location location) {
        com.stripe.model.Address a = location.getAddress();
        Address address = (a != null)
                ? new Address(a.getLine1(), a.getLine2(), a.getCity(), a.getState(), a.getPostalCode(), a.getCountry())
                : null;
        return new TerminalLocation(location.getId(), String.valueOf(location.getDisplayName()), address);
    }

    /** A postal address, in Stripe's shape ({@code country} is ISO 3166-1 alpha-2). */
    public record Address(
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode,
            @Nullable String country) {}
}
