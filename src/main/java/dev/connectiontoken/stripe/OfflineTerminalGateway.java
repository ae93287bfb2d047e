package dev.connectiontoken.stripe;

import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Issues tokens that are visibly fake ({@code pst_test_offline_...}) so a fresh checkout runs without a Stripe
 * account. Only active when no key is configured.
 */
final class OfflineTerminalGateway implements TerminalGateway {

    static final String PREFIX = "pst_test_offline_";

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Override
    public IssuedToken createToken(@Nullable String location, List<String> expand, @Nullable String account) {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
        }
        return new IssuedToken(secret.toString(), location, true, null);
    }
}
