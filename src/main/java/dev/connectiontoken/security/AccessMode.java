package dev.connectiontoken.security;

import dev.connectiontoken.stripe.StripeMode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Secure by default, graded by the Stripe key: a live key with no caller authentication refuses to start. */
final class AccessMode {

    private static final Logger log = LoggerFactory.getLogger(AccessMode.class);
    static final String JWT_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private AccessMode() {}

    /** Runs every startup check and says whether callers must authenticate. */
    static boolean check(StripeMode mode, int apiKeys, boolean jwt, Environment environment) {
        checkForwardedHeaders(environment);
        if (jwt) {
            checkJwt(environment);
        }
        boolean authenticate = apiKeys > 0 || jwt;
        refuseIf(
                mode == StripeMode.LIVE && !authenticate,
                "A live Stripe key is set but no caller authentication is configured, so anyone could mint live"
                        + " connection tokens",
                "Configure callers: connection-token.clients[0].id and .api-key-sha256 (API keys), or"
                        + " spring.security.oauth2.resourceserver.jwt.issuer-uri (JWT). See docs/SECURITY.md.");
        if (authenticate) {
            log.info("Callers must authenticate: {} API-key client(s), JWT {}", apiKeys, jwt ? "on" : "off");
        } else if (mode == StripeMode.TEST) {
            log.warn("""

                    ************************************************************************************
                    OPEN ACCESS: no API-key clients and no JWT issuer are configured, so ANYONE who can
                    reach this service can mint test-mode connection tokens. Configure
                    connection-token.clients or a JWT issuer before using a live key (the service
                    refuses to start with a live key and no authentication).
                    ************************************************************************************""");
        }
        checkManagementPort(mode, environment);
        return authenticate;
    }

    /** Forwarded headers set the address rate limits and audit see; on Kubernetes Boot trusts any private address. */
    private static void checkForwardedHeaders(Environment environment) {
        String strategy = environment
                .getProperty("server.forward-headers-strategy", "none")
                .trim();
        refuseIf(
                strategy.equalsIgnoreCase("framework"),
                "server.forward-headers-strategy=framework trusts X-Forwarded-For from any caller",
                "Use server.forward-headers-strategy=native with"
                        + " server.tomcat.remoteip.internal-proxies naming your proxies' addresses.");
        refuseIf(
                strategy.equalsIgnoreCase("native")
                        && !environment.containsProperty("server.tomcat.remoteip.internal-proxies"),
                "server.forward-headers-strategy=native without server.tomcat.remoteip.internal-proxies trusts"
                        + " X-Forwarded-For from every private address, so any pod or host nearby could forge"
                        + " client addresses",
                "Set server.tomcat.remoteip.internal-proxies (SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES) to a regular"
                        + " expression matching only your proxies' addresses, e.g. 10\\.0\\.3\\.\\d+.");
    }

    /** Boot checks audience and issuer only when given, so a JWK set alone would accept any token its keys signed. */
    private static void checkJwt(Environment environment) {
        List<String> audiences = Binder.get(environment)
                .bind("spring.security.oauth2.resourceserver.jwt.audiences", Bindable.listOf(String.class))
                .orElse(List.of());
        refuseIf(
                audiences.isEmpty(),
                "JWT authentication is on but no audience is required, so tokens the identity provider issues"
                        + " for other applications would be accepted",
                "Set spring.security.oauth2.resourceserver.jwt.audiences"
                        + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES) to the audience your identity"
                        + " provider puts in tokens for this service.");
        refuseIf(
                !StringUtils.hasText(environment.getProperty(JWT_ISSUER)),
                "JWT authentication is on but no issuer is configured, so the issuer of a token is never checked",
                "Set spring.security.oauth2.resourceserver.jwt.issuer-uri"
                        + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) to your identity provider's"
                        + " issuer, also when you give a jwk-set-uri or public-key-location.");
    }

    /** With a live key, metrics and info must not answer anyone who can reach the API. */
    private static void checkManagementPort(StripeMode mode, Environment environment) {
        String port = environment.getProperty("management.server.port");
        boolean shared =
                port == null || (port.equals(environment.getProperty("server.port", "8080")) && !port.equals("0"));
        refuseIf(
                mode == StripeMode.LIVE && shared,
                "A live Stripe key is set but the management endpoints (/actuator) share the API port, so anyone"
                        + " who can call the API could read its metrics",
                "Set management.server.port (MANAGEMENT_SERVER_PORT), e.g. 8081, and do not expose that port to"
                        + " callers; the Docker image sets it.");
    }

    private static void refuseIf(boolean insecure, String message, String action) {
        if (insecure) {
            throw new FailureAnalyzedException(message, action);
        }
    }
}
