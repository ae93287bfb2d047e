package dev.connectiontoken.security;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.web.ApiException;
import dev.connectiontoken.web.ProblemType;
import dev.connectiontoken.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers 401 for missing, malformed or wrong credentials, API key and JWT alike, with {@code WWW-Authenticate} and the
 * problem shape (not Boot's {@code /error} JSON), and 503 when the identity provider's keys cannot be loaded. The
 * credential is never echoed.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private static final String REALM = "Bearer realm=\"connection-token\"";

    private final ProblemWriter writer;

    private final AuditLog audit;

    ProblemAuthenticationEntryPoint(ProblemWriter writer, AuditLog audit) {
        this.writer = writer;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (ex instanceof AuthenticationServiceException) {
            // One line, no stack trace: the cause is the identity provider, not this request.
            log.warn("JWT keys unavailable: {}", ex.getMessage());
            ApiException unavailable = ApiException.of(
                    ProblemType.AUTHENTICATION_UNAVAILABLE,
                    "Credentials cannot be checked right now. Retry after the delay given.");
            this.writer.write(request, response, unavailable.retryAfter(Duration.ofSeconds(5)));
            return;
        }
        boolean presented = !(ex instanceof InsufficientAuthenticationException);
        String code = presented ? "invalid_credentials" : "authentication_required";
        String detail = presented
                ? "The API key or bearer token was not accepted."
                : "Authentication required: send Authorization: Bearer <API key or JWT>, or X-Api-Key: <API key>.";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? REALM + ", error=\"invalid_token\"" : REALM);
        this.audit.refusedUnidentified(request.getRemoteAddr(), 401, code);
        this.writer.write(request, response, ApiException.of(ProblemType.UNAUTHORIZED, code, detail, null));
    }
}
