package dev.connectiontoken.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import dev.connectiontoken.error.ApiException;
import dev.connectiontoken.error.ErrorCode;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.Problems;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from Stripe's failures to our answers. Only errors about the caller's own parameters pass Stripe's
 * text through; every other answer is ours, and Stripe's request id goes to the log.
 *
 * <table>
 * <tr><th>Stripe</th><th>answer</th></tr>
 * <tr><td>invalid request about {@code location} or {@code expand}</td><td>400 with Stripe's code, param, message</td></tr>
 * <tr><td>authentication (401) or permission (403)</td><td>502, logged at ERROR</td></tr>
 * <tr><td>rate limited (429)</td><td>503 with {@code Retry-After}</td></tr>
 * <tr><td>connection timed out or read timed out</td><td>504</td></tr>
 * <tr><td>could not connect, connection reset, an answer that is not HTTP</td><td>503 with {@code Retry-After}</td></tr>
 * <tr><td>malformed answer (HTTP, but not JSON or no token), any other error</td><td>502</td></tr>
 * </table>
 */
final class StripeErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(StripeErrorTranslator.class);

    private static final Set<String> CALLER_PARAMETERS = Set.of("location", "expand");

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    ApiException translate(StripeException ex) {
        return answer(ex).upstreamRequestId(ex.getRequestId());
    }

    private static ApiException answer(StripeException ex) {
        if (ex instanceof InvalidRequestException invalid && isAboutCallerInput(invalid)) {
            return callerInput(invalid);
        }
        if (ex instanceof AuthenticationException || ex instanceof PermissionException) {
            log.error(
                    "Stripe refused this service's key ({}): check STRIPE_SECRET_KEY {}",
                    ex.getClass().getSimpleName(),
                    describe(ex));
            return Problems.exception(
                    ProblemType.STRIPE_MISCONFIGURED,
                    "Stripe refused this service's credentials."
                            + " This is a server configuration problem; retrying will not help.");
        }
        if (ex instanceof RateLimitException) {
            log.warn("Stripe is rate limiting this service {}", describe(ex));
            return Problems.exception(
                            ProblemType.STRIPE_RATE_LIMITED, "Stripe is rate limiting this service. Retry later.")
                    .retryAfter(RETRY_AFTER);
        }
        if (ex instanceof ApiConnectionException && !(ex.getCause() instanceof ProtocolException)) {
            return connectionFailed(ex);
        }
        // Not the exception itself: stripe-java puts the raw answer in its message, and an answer may hold a token.
        log.error(
                "Stripe answered with an unexpected error: {} {}", ex.getClass().getSimpleName(), describe(ex));
        return Problems.exception(
                ProblemType.STRIPE_ERROR, "Stripe answered with an error. The error has been logged.");
    }

    ApiException malformedAnswer(@Nullable String requestId, @Nullable Throwable cause) {
        String reason = (cause != null) ? cause.getClass().getName() : "no connection token in it";
        log.error("Stripe's answer could not be read: {} (Stripe request id {})", reason, requestId);
        return Problems.exception(
                        ProblemType.STRIPE_ERROR, "Stripe's answer could not be read. The error has been logged.")
                .upstreamRequestId(requestId);
    }

    private static boolean isAboutCallerInput(InvalidRequestException ex) {
        String param = ex.getParam();
        return param != null && CALLER_PARAMETERS.contains(param.replaceFirst("\\[.*$", ""));
    }

    private static ApiException callerInput(InvalidRequestException ex) {
        log.info("Stripe rejected the caller's parameter {} {}", ex.getParam(), describe(ex));
        String code = (ex.getCode() != null) ? ex.getCode() : ErrorCode.PARAMETER_INVALID.value();
        String message = (ex.getStripeError() != null && ex.getStripeError().getMessage() != null)
                ? ex.getStripeError().getMessage()
                : "Stripe rejected the parameter " + ex.getParam() + ".";
        return Problems.stripeRejected(code, message, ex.getParam());
    }

    private static ApiException connectionFailed(StripeException ex) {
        if (isTimeout(ex)) {
            log.warn("Stripe did not answer in time: {}", describeCause(ex));
            return Problems.exception(ProblemType.STRIPE_TIMEOUT, "Stripe did not answer in time. Retry later.");
        }
        log.warn("Could not reach Stripe: {}", describeCause(ex));
        return Problems.exception(ProblemType.STRIPE_UNAVAILABLE, "Stripe could not be reached. Retry later.")
                .retryAfter(RETRY_AFTER);
    }

    private static boolean isTimeout(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The cause's type only: its message may quote whatever bytes the peer sent. */
    private static String describeCause(StripeException ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }

    private static String describe(StripeException ex) {
        return "(HTTP " + ex.getStatusCode() + ", code " + ex.getCode() + ", Stripe request id " + ex.getRequestId()
                + ")";
    }
}
