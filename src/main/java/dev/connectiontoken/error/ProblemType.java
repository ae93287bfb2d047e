package dev.connectiontoken.error;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the service answers with. The {@code type} URIs are part of the API: clients may switch on
 * them, so a constant may be added but never renamed.
 */
public enum ProblemType {
    INVALID_PARAMETERS(
            "invalid-parameters", HttpStatus.BAD_REQUEST, "Invalid request parameters", ErrorCode.PARAMETER_INVALID),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request", ErrorCode.REQUEST_MALFORMED),
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request", ErrorCode.BAD_REQUEST),
    STRIPE_REJECTED_PARAMETERS(
            "stripe-rejected-parameters",
            HttpStatus.BAD_REQUEST,
            "Stripe rejected the parameters",
            ErrorCode.PARAMETER_INVALID),
    LOCATION_REQUIRED("location-required", HttpStatus.BAD_REQUEST, "Location required", ErrorCode.LOCATION_REQUIRED),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required", ErrorCode.AUTHENTICATION_REQUIRED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden", ErrorCode.FORBIDDEN),
    LOCATION_NOT_ALLOWED(
            "location-not-allowed", HttpStatus.FORBIDDEN, "Location not allowed", ErrorCode.LOCATION_NOT_ALLOWED),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found", ErrorCode.RESOURCE_NOT_FOUND),
    METHOD_NOT_ALLOWED(
            "method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", ErrorCode.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable", ErrorCode.NOT_ACCEPTABLE),
    PAYLOAD_TOO_LARGE(
            "payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large", ErrorCode.REQUEST_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Unsupported media type",
            ErrorCode.MEDIA_TYPE_UNSUPPORTED),
    REQUEST_HEADER_FIELDS_TOO_LARGE(
            "request-header-fields-too-large",
            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "Request headers too large",
            ErrorCode.REQUEST_TOO_LARGE),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests", ErrorCode.RATE_LIMITED),
    RATE_LIMIT_UNAVAILABLE(
            "rate-limit-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Rate limit store unavailable",
            ErrorCode.RATE_LIMIT_UNAVAILABLE),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", ErrorCode.INTERNAL_ERROR),
    STRIPE_ERROR("stripe-error", HttpStatus.BAD_GATEWAY, "Stripe answered with an error", ErrorCode.UPSTREAM_ERROR),
    STRIPE_MISCONFIGURED(
            "stripe-misconfigured",
            HttpStatus.BAD_GATEWAY,
            "Stripe refused this service",
            ErrorCode.UPSTREAM_MISCONFIGURED),
    STRIPE_UNAVAILABLE(
            "stripe-unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Stripe is unavailable",
            ErrorCode.UPSTREAM_UNAVAILABLE),
    STRIPE_RATE_LIMITED(
            "stripe-rate-limited",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Stripe is rate limiting this service",
            ErrorCode.UPSTREAM_RATE_LIMITED),
    STRIPE_SATURATED(
            "stripe-saturated",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Too many calls to Stripe in flight",
            ErrorCode.UPSTREAM_SATURATED),
    STRIPE_TIMEOUT(
            "stripe-timeout", HttpStatus.GATEWAY_TIMEOUT, "Stripe did not answer in time", ErrorCode.UPSTREAM_TIMEOUT);

    /** Prefix of every problem {@code type}: a tag URI (RFC 4151), an identifier that is never dereferenced. */
    public static final String TYPE_PREFIX = "tag:connection-token-service,2026:problem:";

    private final URI type;

    private final HttpStatus status;

    private final String title;

    private final String slug;

    private final ErrorCode code;

    ProblemType(String slug, HttpStatus status, String title, ErrorCode code) {
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

    /** The default Stripe-style {@code error.code}. */
    public ErrorCode code() {
        return this.code;
    }

    /** The Stripe-style {@code error.type}: client mistakes are {@code invalid_request_error}, ours {@code api_error}. */
    public String errorType() {
        return this.status.is4xxClientError() ? "invalid_request_error" : "api_error";
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
