package dev.connectiontoken.token;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what a caller may send to {@code POST /connection_token}.
 *
 * @param maxBodySize the largest body accepted; larger bodies get 413. The largest valid body (a 5000-character
 *     location and a few expand fields) fits in 8KB.
 */
@ConfigurationProperties("connection-token.request")
@Validated
record ConnectionTokenProperties(
        @DefaultValue("8KB") @NotNull DataSize maxBodySize) {}
