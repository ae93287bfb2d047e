package dev.connectiontoken.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Where credentials are read from: {@code Authorization: Bearer} and {@code X-Api-Key}. A request carrying more than
 * one header of either kind is refused (401), whatever they hold: which credential wins must never be a guess.
 */
final class Credentials {

    static final String API_KEY_HEADER = "X-Api-Key";

    private static final String BEARER = "Bearer ";

    private Credentials() {}

    /** The bearer value, or {@code null} when there is none (or another scheme, such as Basic). */
    static @Nullable String bearer(HttpServletRequest request) {
        List<String> authorizations = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (authorizations.size() + apiKeys(request).size() > 1) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "Send one credential, not several", null));
        }
        String value = authorizations.isEmpty() ? null : authorizations.get(0);
        return (value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                ? value.substring(BEARER.length()).strip()
                : null;
    }

    static List<String> apiKeys(HttpServletRequest request) {
        return Collections.list(request.getHeaders(API_KEY_HEADER));
    }
}
