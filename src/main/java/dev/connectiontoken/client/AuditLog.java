package dev.connectiontoken.client;

import dev.connectiontoken.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/** One line and one count per token issued or refused, so that every client's use can be followed; never a secret. */
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

    public void issued(Client client, @Nullable String location, @Nullable String stripeRequestId, Duration waited) {
        if (this.enabled) {
            log.info(
                    "outcome=issued client={} location={} account={} stripe_request_id={} waited_ms={}{}",
                    client.principal(),
                    orDash(location),
                    orDash(client.account()),
                    orDash(stripeRequestId),
                    waited.toMillis(),
                    keyId(client));
        }
        count(client.metricsTag(), "issued", "none");
    }

    public void refused(Client client, @Nullable String location, ApiException refusal) {
        if (this.enabled) {
            log.info(
                    "outcome=refused client={} location={} account={} status={} reason={} stripe_request_id={}"
                            + " waited_ms={}{}",
                    client.principal(),
                    orDash(location),
                    orDash(client.account()),
                    refusal.getStatusCode().value(),
                    refusal.code(),
                    orDash(refusal.upstreamRequestId()),
                    refusal.waited().toMillis(),
                    keyId(client));
        }
        count(client.metricsTag(), "refused", refusal.metricReason());
    }

    public void refusedUnidentified(String address, int status, String reason) {
        if (this.enabled) {
            log.info(
                    "outcome=refused client=ip:{} location=- account=- status={} reason={} stripe_request_id=-"
                            + " waited_ms=0",
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
     * @param enabled whether the audit lines are written; {@code connection.token.requests} counts either way
     */
    @ConfigurationProperties("connection-token.audit")
    public record Properties(@DefaultValue("true") boolean enabled) {}
}
