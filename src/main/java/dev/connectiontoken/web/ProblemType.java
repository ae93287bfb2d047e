package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeFailure;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the service answers with. The {@code type} URIs (the constant's name in kebab case) are part of
 * the API: clients may switch on them, so a constant may be added but never renamed.
 */
public enum ProblemType {
    INVALID_PARAMETERS(400, "Invalid request parameters", "parameter_invalid"),
    MALFORMED_REQUEST(400, "Malformed request", "request_malformed"),
    BAD_REQUEST(400, "Bad request", "bad_request"),
    STRIPE_REJECTED_PARAMETERS(400, "Stripe rejected the parameters", "parameter_invalid"),
    LOCATION_REQUIRED(400, "Location required", "location_required"),
    UNAUTHORIZED(401, "Authentication required", "authentication_required"),
    FORBIDDEN(403, "Forbidden", "forbidden"),
    LOCATION_NOT_ALLOWED(403, "Location not allowed", "location_not_allowed"),
    NOT_FOUND(404, "Not found", "resource_not_found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "method_not_allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable", "not_acceptable"),
    PAYLOAD_TOO_LARGE(413, "Request too large", "request_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "media_type_unsupported"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "Request headers too large", "request_too_large"),
    RATE_LIMITED(429, "Too many requests", "rate_limited"),
    RATE_LIMIT_UNAVAILABLE(503, "Rate limit store unavailable", "rate_limit_unavailable"),
    AUTHENTICATION_UNAVAILABLE(503, "Credentials cannot be checked", "authentication_unavailable"),
    INTERNAL_ERROR(500, "Internal error", "internal_error"),
    STRIPE_ERROR(502, "Stripe answered with an error", "upstream_error"),
    STRIPE_MISCONFIGURED(502, "Stripe refused this service", "upstream_misconfigured"),
    STRIPE_UNAVAILABLE(503, "Stripe is unavailable", "upstream_unavailable"),
    STRIPE_RATE_LIMITED(503, "Stripe is rate limiting this service", "upstream_rate_limited"),
    STRIPE_SATURATED(503, "Too many calls to Stripe in flight", "upstream_saturated"),
    STRIPE_TIMEOUT(504, "Stripe did not answer in time", "upstream_timeout");

    private final URI type;
    private final HttpStatus status;
    private final String title;
    private final String code;

    ProblemType(int status, String title, String code) {
        // A tag URI (RFC 4151): an identifier that is never dereferenced.
        this.type = URI.create("tag:connection-token-service,2026:problem:"
                + name().toLowerCase(Locale.ROOT).replace('_', '-'));
        this.status = HttpStatus.valueOf(status);
        this.title = title;
        this.code = code;
    }

    public URI type() {
        return this.type;
    }

    public HttpStatus status() {
        return this.status;
    }

    public String title() {
        return this.title;
    }

    /** The default Stripe-style {@code error.code}, such as {@code rate_limited}. Part of the API, like the type. */
    public String code() {
        return this.code;
    }

    /** The one place that chooses a status for each kind of Stripe failure. */
    public static ProblemType of(StripeFailure.Kind kind) {
        return switch (kind) {
            case REJECTED_PARAMETERS -> STRIPE_REJECTED_PARAMETERS;
            case MISCONFIGURED -> STRIPE_MISCONFIGURED;
            case RATE_LIMITED -> STRIPE_RATE_LIMITED;
            case UNAVAILABLE -> STRIPE_UNAVAILABLE;
            case TIMEOUT -> STRIPE_TIMEOUT;
            case SATURATED -> STRIPE_SATURATED;
            case NOT_FOUND, ERROR -> STRIPE_ERROR;
        };
    }

    /** The type that fits a status the framework or the servlet container chose. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 431 -> REQUEST_HEADER_FIELDS_TOO_LARGE;
            default -> (status >= 400 && status < 500) ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
