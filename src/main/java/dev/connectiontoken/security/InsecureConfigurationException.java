package dev.connectiontoken.security;

/** A configuration that would let callers mint tokens they should not; its message and action are one line each. */
class InsecureConfigurationException extends IllegalStateException {

    private final String action;

    InsecureConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    String action() {
        return this.action;
    }
}
