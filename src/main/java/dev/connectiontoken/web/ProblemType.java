package dev.connectiontoken.web;

import dev.connectiontoken.stripe.StripeFailure;
import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the service answers with. The {@code type} URIs are part of the API: clients may switch on
 * them, so a constant may be added but never renamed.
 */
public enum ProblemType {
    INVALID_PARAMETERS("invalid-parameters", HttpStatus.BAD_REQUEST, "Invalid request parameters", "parameter_invalid"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request", "request_malformed"),
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request", "bad_request"),
    STRIPE_REJECTED_PARAMETERS(
            "stripe-rejected-parameters",
            HttpStatus.BAD_REQUEST,
            "Stripe rejected the parameters",
            "parameter_invalid"),
    LOCATION_REQUIRED("location-required", HttpStatus.BAD_REQUEST, "Location required", "location_required"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required", "authentication_required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden", "forbidden"),
    LOCATION_NOT_ALLOWED("location-not-allowed", HttpStatus.FORBIDDEN, "Location not allowed", "location_not_allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found", "resource_not_found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", "method_not_allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "not_acceptable"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large", "request_too_large"),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Unsupported media type",
            "media_type_unsupported"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(
            "request-header-fields-too-large",
            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "Request headers too large",
            "request_too_large"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "rate_limited"),
    RATE_LIMIT_UNAVAILABLE(
            "rate-limit-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Rate limit store unavailable",
            "rate_limit_unavailable"),
    AUTHENTICATION_UNAVAILABLE(
            "authentication-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Credentials cannot be checked",
            "authentication_unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "internal_error"),
    STRIPE_ERROR("stripe-error", HttpStatus.BAD_GATEWAY, "Stripe answered with an error", "upstream_error"),
    STRIPE_MISCONFIGURED(
            "stripe-misconfigured", HttpStatus.BAD_GATEWAY, "Stripe refused this service", "upstream_misconfigured"),
    STRIPE_UNAVAILABLE(
            "stripe-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Stripe is unavailable", "upstream_unavailable"),
    STRIPE_RATE_LIMITED(
            "stripe-rate-limited",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Stripe is rate limiting this service",
            "upstream_rate_limited"),
    STRIPE_SATURATED(
            "stripe-saturated",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Too many calls to Stripe in flight",
            "upstream_saturated"),
    STRIPE_TIMEOUT("stripe-timeout", HttpStatus.GATEWAY_TIMEOUT, "Stripe did not answer in time", "upstream_timeout");

    /** Prefix of every problem {@code type}: a tag URI (RFC 4151), an identifier that is never dereferenced. */
    public static final String TYPE_PREFIX = "tag:connection-token-service,2026:problem:";

    private final URI type;

    private final HttpStatus status;

    private final String title;

    private final String slug;

    private final String code;

    ProblemType(String slug, HttpStatus status, String title, String code) {
        this.slug = slug;
        this.type = URI.create(TYPE_PREFIX + slug);
        this.status = status;
        this.title = title;
        this.code = code;
    }

    /** The last part of the type URI, such as {@code rate-limited}: short and bounded, fit for a metric tag. */
    public String slug() {
        return this.slug;
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

    /** The Stripe-style {@code error.type}: client mistakes are {@code invalid_request_error}, ours {@code api_error}. */
    public String errorType() {
        return this.status.is4xxClientError() ? "invalid_request_error" : "api_error";
    }

    /** The type of each kind of Stripe failure: the one place that chooses a status for them. */
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
