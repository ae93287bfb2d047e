package dev.connectiontoken.client;

/** Stripe id shapes for annotations: prefix and alphabet only, since Stripe itself says whether an id exists. */
public final class StripeIds {

    public static final String LOCATION = "^tml_[A-Za-z0-9]+$";
    public static final String ACCOUNT = "^acct_[A-Za-z0-9]+$";

    private StripeIds() {}
}
