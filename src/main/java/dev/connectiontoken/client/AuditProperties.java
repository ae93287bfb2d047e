package dev.connectiontoken.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code connection-token.audit.*}.
 *
 * @param enabled whether the audit lines are written; the counts in {@code connection.token.requests} are kept either
 *     way
 */
@ConfigurationProperties("connection-token.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled) {}
