package dev.connectiontoken.stripe;

import java.security.SecureRandom;

/**
 * Secrets that are visibly fake ({@code pst_test_offline_...}), so that a fresh checkout runs without a Stripe account.
 * Only used when no key is configured.
 */
final class OfflineTokens {

    static final String PREFIX = "pst_test_offline_";

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }
}
