package dev.connectiontoken.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API key as presented, before it is checked. Its {@code toString} never shows the key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private String apiKey;

    ApiKeyAuthentication(String apiKey) {
        super(List.of());
        this.apiKey = apiKey;
    }

    @Override
    public Object getCredentials() {
        return this.apiKey;
    }

    @Override
    public Object getPrincipal() {
        return "api-key";
    }

    @Override
    public void eraseCredentials() {
        this.apiKey = "";
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[<redacted>]";
    }
}
