package dev.connectiontoken.client;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code connection-token.audit.*}.
 *
 * @param enabled whether the audit lines are written; the counts in {@code connection.token.requests} are kept either
 *     way
 * @param logger the logger the lines are written to (the warm-up's copy of the service writes to its own, whose lines
 *     are rendered and discarded)
 */
@ConfigurationProperties("connection-token.audit")
@Validated
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(AuditProperties.LOGGER) @NotBlank String logger) {

    /** The logger of the audit lines unless configured otherwise. */
    public static final String LOGGER = "connection-token.audit";
}
