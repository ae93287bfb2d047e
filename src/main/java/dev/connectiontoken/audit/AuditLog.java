package dev.connectiontoken.audit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per token issued or refused, on the {@code connection-token.audit} logger, as {@code key=value} pairs:
 * client, location, account, outcome, reason, Stripe request id. Never a token secret or a key.
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("connection-token.audit");

    private AuditLog() {}

    public static void issued(
            String client, @Nullable String location, @Nullable String account, @Nullable String stripeRequestId) {
        log.info(
                "outcome=issued client={} location={} account={} stripe_request_id={}",
                client,
                orDash(location),
                orDash(account),
                orDash(stripeRequestId));
    }

    /**
     * A request refused before or by Stripe.
     *
     * @param client the client id, or the caller's address when it did not authenticate
     * @param reason the error code answered, such as {@code location_not_allowed} or {@code rate_limited}
     */
    public static void refused(
            String client,
            @Nullable String location,
            @Nullable String account,
            int status,
            String reason,
            @Nullable String stripeRequestId) {
        log.info(
                "outcome=refused client={} location={} account={} status={} reason={} stripe_request_id={}",
                client,
                orDash(location),
                orDash(account),
                status,
                reason,
                orDash(stripeRequestId));
    }

    private static String orDash(@Nullable String value) {
        // Values come from callers: keep a line one line whatever they sent.
        return (value != null) ? value.replaceAll("[\\s\\p{Cntrl}]", "_") : "-";
    }
}
