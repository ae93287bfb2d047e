package dev.connectiontoken.stripe;

import com.stripe.model.terminal.Location;
import org.jspecify.annotations.Nullable;

/**
 * A Terminal location, as much of it as a point-of-sale app needs to pick one.
 *
 * @param id the location id ({@code tml_...})
 * @param displayName its name in the Stripe dashboard
 * @param address its address, if Stripe has one
 */
public record TerminalLocation(
        String id, String displayName, @Nullable Address address) {

    static TerminalLocation of(Location location) {
        com.stripe.model.Address address = location.getAddress();
        return new TerminalLocation(
                location.getId(),
                String.valueOf(location.getDisplayName()),
                (address != null)
                        ? new Address(
                                address.getLine1(),
                                address.getLine2(),
                                address.getCity(),
                                address.getState(),
                                address.getPostalCode(),
                                address.getCountry())
                        : null);
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
