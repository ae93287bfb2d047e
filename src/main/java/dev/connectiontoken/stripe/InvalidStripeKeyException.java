package dev.connectiontoken.stripe;

/** A configured Stripe key that cannot work; its message is one line and never contains the key. */
class InvalidStripeKeyException extends IllegalStateException {

    InvalidStripeKeyException(String message) {
        super(message);
    }
}
