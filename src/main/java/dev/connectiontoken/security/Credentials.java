package dev.connectiontoken.security;

import static org.springframework.security.oauth2.server.resource.BearerTokenErrors.invalidRequest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/** One credential per request; a JWT-shaped bearer goes to the resource server, any other value is an API key. */
final class Credentials implements AuthenticationConverter, BearerTokenResolver {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** The API key, in a token whose {@code toString} never shows it. */
    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        String bearer = bearer(request);
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey == null && (bearer == null || JWT.matcher(bearer).matches())) {
            return null;
        }
        apiKey = (apiKey != null) ? apiKey.strip() : bearer;
        // An empty header is a credential that fails, never one that might match a client configured by mistake.
        if (apiKey.isEmpty()) {
            throw new BadCredentialsException("Empty API key");
        }
        return UsernamePasswordAuthenticationToken.unauthenticated("api-key", apiKey);
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String bearer = bearer(request);
        return (bearer != null && JWT.matcher(bearer).matches()) ? bearer : null;
    }

    private static @Nullable String bearer(HttpServletRequest request) {
        List<String> authorizations = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        int apiKeys = Collections.list(request.getHeaders(API_KEY_HEADER)).size();
        if (authorizations.size() + apiKeys > 1) {
            throw new OAuth2AuthenticationException(invalidRequest("Send one credential, not several"));
        }
        String value = authorizations.isEmpty() ? null : authorizations.get(0);
        return StringUtils.startsWithIgnoreCase(value, BEARER)
                ? value.substring(BEARER.length()).strip()
                : null;
    }
}
