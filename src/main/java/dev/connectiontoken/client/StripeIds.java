package dev.connectiontoken.client;

/**
 * The shapes of the Stripe ids that callers and configuration name, as regular expressions usable in annotations. Only
 * the prefix and alphabet are checked: Stripe itself says whether an id exists.
 */
public final class StripeIds {

    /** A Terminal location: {@code tml_} followed by letters and digits. */
    public static final String LOCATION = "^tml_[A-Za-z0-9]+$";

    /** A connected account: {@code acct_} followed by letters and digits. */
    public static final String ACCOUNT = "^acct_[A-Za-z0-9]+$";

    private StripeIds() {}
}
