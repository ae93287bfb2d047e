package dev.connectiontoken.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Finds an API key in {@code X-Api-Key} or {@code Authorization: Bearer}. A bearer value shaped like a JWT is left to
 * the resource server; any other scheme (Basic) is not a credential here, so the caller gets 401.
 */
final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

    static final String HEADER = "X-Api-Key";

    private static final String BEARER = "Bearer ";

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        List<String> apiKeys = Collections.list(request.getHeaders(HEADER));
        // Any bearer value counts, a JWT too: when two credentials arrive, which one wins must never be a guess.
        String bearer = bearerValue(request);
        if (apiKeys.size() + ((bearer != null) ? 1 : 0) > 1) {
            throw new BadCredentialsException("Send one credential, not several");
        }
        if (!apiKeys.isEmpty()) {
            return new ApiKeyAuthentication(nonBlank(apiKeys.get(0).strip()));
        }
        return (bearer != null && !JwtBearerTokenResolver.looksLikeJwt(bearer))
                ? new ApiKeyAuthentication(nonBlank(bearer))
                : null;
    }

    /** An empty header is a credential that fails, never one that might match a client configured by mistake. */
    private static String nonBlank(String apiKey) {
        if (apiKey.isEmpty()) {
            throw new BadCredentialsException("Empty API key");
        }
        return apiKey;
    }

    private static @Nullable String bearerValue(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
