package dev.connectiontoken.security;

import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser origins allowed to call {@code POST /connection_token}. None by default: a browser on any other origin is
 * refused with 403.
 *
 * @param allowedOrigins exact origins such as {@code https://pos.example.com}
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("connection-token.cors")
@Validated
record CorsProperties(
        List<
                        @Pattern(
                                regexp = "^https?://[^/\\s*]+$",
                                message = "must be an origin such as https://pos.example.com")
                        String>
                allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {

    CorsProperties {
        allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
    }
}
