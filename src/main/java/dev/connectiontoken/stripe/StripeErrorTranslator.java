package dev.connectiontoken.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import dev.connectiontoken.stripe.StripeFailure.Kind;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from stripe-java's exceptions to {@link StripeFailure}. Only errors about the caller's own parameters
 * keep Stripe's text; Stripe's request id goes to the log, never a key or Stripe's raw answer.
 *
 * <table>
 * <tr><th>Stripe</th><th>kind</th></tr>
 * <tr><td>invalid request about {@code location} or {@code expand}</td><td>REJECTED_PARAMETERS</td></tr>
 * <tr><td>another invalid request with code {@code resource_missing}</td><td>NOT_FOUND</td></tr>
 * <tr><td>authentication (401) or permission (403)</td><td>MISCONFIGURED, logged at ERROR</td></tr>
 * <tr><td>rate limited (429)</td><td>RATE_LIMITED</td></tr>
 * <tr><td>connection or read timed out</td><td>TIMEOUT</td></tr>
 * <tr><td>could not connect, connection reset</td><td>UNAVAILABLE</td></tr>
 * <tr><td>an answer that is not readable, anything else</td><td>ERROR, logged at ERROR</td></tr>
 * </table>
 */
final class StripeErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(StripeErrorTranslator.class);
    private static final Set<String> CALLER_PARAMETERS = Set.of("location", "expand");

    StripeFailure translate(StripeException ex) {
        String requestId = ex.getRequestId();
        String param = (ex instanceof InvalidRequestException invalid) ? invalid.getParam() : null;
        if (param != null && CALLER_PARAMETERS.contains(param.replaceFirst("\\[.*$", ""))) {
            log.info("Stripe rejected the caller's parameter {} {}", param, describe(ex));
            String message = (ex.getStripeError() != null && ex.getStripeError().getMessage() != null)
                    ? ex.getStripeError().getMessage()
                    : "Stripe rejected the parameter " + param + ".";
            String code = (ex.getCode() != null) ? ex.getCode() : "parameter_invalid";
            return new StripeFailure(Kind.REJECTED_PARAMETERS, message, code, param, requestId);
        }
        if (ex instanceof InvalidRequestException && "resource_missing".equals(ex.getCode())) {
            return new StripeFailure(Kind.NOT_FOUND, "Stripe has no such object", ex.getCode(), null, requestId);
        }
        if (ex instanceof AuthenticationException || ex instanceof PermissionException) {
            log.error("Stripe refused this service's key: check STRIPE_SECRET_KEY {}", describe(ex));
            return new StripeFailure(Kind.MISCONFIGURED, "Stripe refused the key", requestId);
        }
        if (ex instanceof RateLimitException) {
            log.warn("Stripe is rate limiting this service {}", describe(ex));
            return new StripeFailure(Kind.RATE_LIMITED, "Stripe answered 429", ex.getCode(), null, requestId);
        }
        if (ex instanceof ApiConnectionException) {
            return unreachable(ex);
        }
        // Not the exception itself: stripe-java puts the raw answer in its message, and an answer may hold a token.
        log.error(
                "Stripe answered with an unexpected error: {} {}", ex.getClass().getSimpleName(), describe(ex));
        return new StripeFailure(Kind.ERROR, "Stripe answered with an error", requestId);
    }

    StripeFailure unreadable(@Nullable String requestId, @Nullable Throwable cause) {
        String reason = (cause != null) ? cause.getClass().getName() : "no connection token in it";
        log.error("Stripe's answer could not be read: {} (Stripe request id {})", reason, requestId);
        return new StripeFailure(Kind.ERROR, "Stripe's answer could not be read", requestId);
    }

    private static StripeFailure unreachable(StripeException ex) {
        boolean timeout = false;
        Throwable root = ex;
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            timeout |= cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException;
            root = cause;
        }
        // The root cause's type only: its message may quote whatever bytes the peer sent.
        String what = timeout ? "Stripe did not answer in time" : "Could not reach Stripe";
        log.warn("{}: {}", what, root.getClass().getName());
        return new StripeFailure(timeout ? Kind.TIMEOUT : Kind.UNAVAILABLE, "Stripe unreachable", ex.getRequestId());
    }

    private static String describe(StripeException ex) {
        return "(HTTP " + ex.getStatusCode() + ", code " + ex.getCode() + ", Stripe request id " + ex.getRequestId()
                + ")";
    }
}
