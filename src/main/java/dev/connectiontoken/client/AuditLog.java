package dev.connectiontoken.client;

import dev.connectiontoken.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * One {@code key=value} line per token issued or refused on the {@code connection-token.audit} logger, and the same
 * event counted in {@code connection.token.requests}, so that every client's use can be followed. Never a token secret
 * or a key.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("connection-token.audit");
    private static final Pattern LINE_BREAKING = Pattern.compile("[\\s\\p{Cntrl}]");

    private final MeterRegistry meters;
    private final boolean enabled;

    public AuditLog(MeterRegistry meters, Properties properties) {
        this.meters = meters;
        this.enabled = properties.enabled();
    }

    public void issued(Client client, @Nullable String location, @Nullable String stripeRequestId) {
        if (this.enabled) {
            log.info(
                    "outcome=issued client={} location={} account={} stripe_request_id={}{}",
                    client.principal(),
                    orDash(location),
                    orDash(client.account()),
                    orDash(stripeRequestId),
                    keyId(client));
        }
        count(client.metricsTag(), "issued", "none");
    }

    /** A request from a known client, refused by policy, by the rate limit or by Stripe. */
    public void refused(Client client, @Nullable String location, ApiException refusal) {
        if (this.enabled) {
            log.info(
                    "outcome=refused client={} location={} account={} status={} reason={} stripe_request_id={}{}",
                    client.principal(),
                    orDash(location),
                    orDash(client.account()),
                    refusal.getStatusCode().value(),
                    refusal.code(),
                    orDash(refusal.upstreamRequestId()),
                    keyId(client));
        }
        count(client.metricsTag(), "refused", refusal.metricReason());
    }

    /** A request refused before the caller was identified (401, or an address over its rate limit). */
    public void refusedUnidentified(String address, int status, String reason) {
        if (this.enabled) {
            log.info(
                    "outcome=refused client=ip:{} location=- account=- status={} reason={} stripe_request_id=-",
                    orDash(address),
                    status,
                    reason);
        }
        count("unidentified", "refused", reason);
    }

    private void count(String client, String outcome, String reason) {
        Counter.builder("connection.token.requests")
                .description("Connection token requests by client, outcome and refusal reason")
                .tags("client", client, "outcome", outcome, "reason", reason)
                .register(this.meters)
                .increment();
    }

    /** Which of the client's keys was used, so that a rotation can be followed: never the key. */
    private static String keyId(Client client) {
        return (client.keyId() != null) ? " api_key=" + client.keyId() : "";
    }

    /** Values come from callers: whatever they sent, a line stays one line. */
    private static String orDash(@Nullable String value) {
        return (value != null) ? LINE_BREAKING.matcher(value).replaceAll("_") : "-";
    }

    /**
     * {@code connection-token.audit.*}.
     *
     * @param enabled whether the audit lines are written; the counts in {@code connection.token.requests} are kept
     *     either way
     */
    @ConfigurationProperties("connection-token.audit")
    public record Properties(@DefaultValue("true") boolean enabled) {}
}
