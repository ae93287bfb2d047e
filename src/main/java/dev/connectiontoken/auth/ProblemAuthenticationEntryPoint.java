package dev.connectiontoken.auth;

import dev.connectiontoken.audit.AuditLog;
import dev.connectiontoken.error.ErrorCode;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.ProblemWriter;
import dev.connectiontoken.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers 401 for missing, malformed or wrong credentials, API key and JWT alike, with {@code WWW-Authenticate} and the
 * one problem shape; without this, callers would get Boot's {@code /error} JSON. The credential is never echoed.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "Bearer realm=\"connection-token\"";

    private final ProblemWriter writer;

    private final AuditLog audit;

    ProblemAuthenticationEntryPoint(ProblemWriter writer, AuditLog audit) {
        this.writer = writer;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        boolean presented = !(ex instanceof InsufficientAuthenticationException);
        ErrorCode code = presented ? ErrorCode.INVALID_CREDENTIALS : ErrorCode.AUTHENTICATION_REQUIRED;
        String detail = presented
                ? "The API key or bearer token was not accepted."
                : "Authentication required: send Authorization: Bearer <API key or JWT>, or X-Api-Key: <API key>.";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? REALM + ", error=\"invalid_token\"" : REALM);
        this.audit.refusedUnidentified(request.getRemoteAddr(), 401, code.value());
        this.writer.write(request, response, Problems.exception(ProblemType.UNAUTHORIZED, code, detail, null));
    }
}
