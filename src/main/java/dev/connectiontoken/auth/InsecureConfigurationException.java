package dev.connectiontoken.auth;

/** A configuration that would let anyone mint live connection tokens; its message is one line. */
class InsecureConfigurationException extends IllegalStateException {

    InsecureConfigurationException(String message) {
        super(message);
    }
}
