package dev.connectiontoken.stripe;

import java.security.SecureRandom;
import java.util.List;

/**
 * Secrets and locations that are visibly fake ({@code pst_test_offline_...}, {@code tml_OfflineDemo1}), so that a
 * fresh checkout runs without a Stripe account. Used only when no key is configured.
 */
final class OfflineFakes {

    static final String PREFIX = "pst_test_offline_";

    /** Two fake locations, so that an app's location picker has something to show offline. */
    static final List<TerminalLocation> LOCATIONS = List.of(
            new TerminalLocation("tml_OfflineDemo1", "Offline demo location 1 (fake)", null),
            new TerminalLocation("tml_OfflineDemo2", "Offline demo location 2 (fake)", null));

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();

    private OfflineFakes() {}

    static TerminalLocation location(String id) {
        return new TerminalLocation(id, "Offline location " + id + " (fake)", null);
    }

    static String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX);
        RANDOM.ints(32, 0, ALPHABET.length()).forEach((i) -> secret.append(ALPHABET.charAt(i)));
        return secret.toString();
    }
}
