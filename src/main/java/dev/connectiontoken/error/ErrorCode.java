package dev.connectiontoken.error;

import java.util.Locale;

/**
 * Every Stripe-style {@code error.code} the service answers with, besides the codes of Stripe's own errors about the
 * caller's parameters, which pass through. Part of the API: a constant may be added, never renamed.
 */
public enum ErrorCode {
    PARAMETER_INVALID,
    PARAMETER_INVALID_EMPTY,
    PARAMETER_INVALID_TYPE,
    PARAMETER_UNKNOWN,
    PARAMETER_DUPLICATE,
    REQUEST_MALFORMED,
    BAD_REQUEST,
    LOCATION_REQUIRED,
    AUTHENTICATION_REQUIRED,
    INVALID_CREDENTIALS,
    FORBIDDEN,
    CORS_ORIGIN_NOT_ALLOWED,
    LOCATION_NOT_ALLOWED,
    RESOURCE_NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    REQUEST_TOO_LARGE,
    MEDIA_TYPE_UNSUPPORTED,
    RATE_LIMITED,
    RATE_LIMIT_UNAVAILABLE,
    INTERNAL_ERROR,
    UPSTREAM_ERROR,
    UPSTREAM_MISCONFIGURED,
    UPSTREAM_UNAVAILABLE,
    UPSTREAM_RATE_LIMITED,
    UPSTREAM_SATURATED,
    UPSTREAM_TIMEOUT;

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The code as it appears in JSON, such as {@code parameter_unknown}. */
    public String value() {
        return this.value;
    }
}
