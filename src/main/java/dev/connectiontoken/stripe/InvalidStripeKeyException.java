package dev.connectiontoken.stripe;

/** A configured Stripe key that cannot work, or not safely; its message is one line and never contains the key. */
class InvalidStripeKeyException extends IllegalStateException {

    static final String SET_A_SECRET_KEY = "Set STRIPE_SECRET_KEY to a secret key (sk_test_... or sk_live_...) or a"
            + " restricted key (rk_...) from the Stripe dashboard, or unset it to run in offline mode.";

    private final String action;

    InvalidStripeKeyException(String message) {
        this(message, SET_A_SECRET_KEY);
    }

    InvalidStripeKeyException(String message, String action) {
        super(message);
        this.action = action;
    }

    String action() {
        return this.action;
    }
}
