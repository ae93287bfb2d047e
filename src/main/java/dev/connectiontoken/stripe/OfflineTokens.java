package dev.connectiontoken.stripe;

import java.security.SecureRandom;
import java.util.List;

/**
 * Secrets and locations that are visibly fake ({@code pst_test_offline_...}, {@code tml_OfflineDemo1}), so that a
 * fresh checkout runs without a Stripe account. Only used when no key is configured.
 */
final class OfflineTokens {

    static final String PREFIX = "pst_test_offline_";

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** Two visibly fake locations, so that an app's location picker has something to show offline. */
    static List<StripeTerminalGateway.TerminalLocation> locations() {
        return List.of(
                new StripeTerminalGateway.TerminalLocation("tml_OfflineDemo1", "Offline demo location 1 (fake)", null),
                new StripeTerminalGateway.TerminalLocation("tml_OfflineDemo2", "Offline demo location 2 (fake)", null));
    }

    String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }
}
