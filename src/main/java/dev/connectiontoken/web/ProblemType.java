package dev.connectiontoken.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** Every kind of error answer. Clients may switch on the type URIs (names in kebab case), so never rename one. */
public enum ProblemType {
    BAD_REQUEST(400, "Bad request", "bad_request"),
    INVALID_PARAMETERS(400, "Invalid request parameters", "parameter_invalid"),
    MALFORMED_REQUEST(400, "Malformed request", "request_malformed"),
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
    STRIPE_BUDGET_SPENT(503, "Stripe request budget spent", "stripe_budget_spent"),
    STRIPE_SATURATED(503, "Too many calls to Stripe in flight", "upstream_saturated"),
    STRIPE_TIMEOUT(504, "Stripe did not answer in time", "upstream_timeout");

    private final HttpStatus status;
    private final String title;
    private final String code;

    ProblemType(int status, String title, String code) {
        this.status = HttpStatus.valueOf(status);
        this.title = title;
        this.code = code;
    }

    /** A tag URI (RFC 4151): an identifier that is never dereferenced. */
    public URI type() {
        return URI.create("tag:connection-token-service,2026:problem:"
                + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public HttpStatus status() {
        return this.status;
    }

    public String title() {
        return this.title;
    }

    /** The default Stripe-style {@code error.code}, such as {@code rate_limited}; part of the API, like the type. */
    public String code() {
        return this.code;
    }
}
