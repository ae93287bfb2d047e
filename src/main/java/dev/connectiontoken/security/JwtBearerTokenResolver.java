package dev.connectiontoken.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Hands the resource server only bearer values shaped like a JWT (three base64url parts), so that an API key sent as
 * {@code Authorization: Bearer} is checked as an API key rather than failing as a malformed JWT.
 */
final class JwtBearerTokenResolver implements BearerTokenResolver {

    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String token = Credentials.bearer(request);
        return (token != null && looksLikeJwt(token)) ? token : null;
    }

    static boolean looksLikeJwt(String token) {
        return JWT.matcher(token).matches();
    }
}
