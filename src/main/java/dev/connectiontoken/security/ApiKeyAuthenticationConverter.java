package dev.connectiontoken.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Finds an API key in {@code X-Api-Key} or {@code Authorization: Bearer}. A bearer value shaped like a JWT is left to
 * the resource server; any other scheme (Basic) is not a credential here, so the caller gets 401.
 */
final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        String bearer = Credentials.bearer(request);
        List<String> apiKeys = Credentials.apiKeys(request);
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
}
