package dev.connectiontoken.security;

import dev.connectiontoken.client.ClientRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Checks an API key against the configured clients' key hashes. */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ClientRegistry registry;

    ApiKeyAuthenticationProvider(ClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String apiKey = (String) authentication.getCredentials();
        return this.registry
                .findByApiKey(apiKey)
                .map(ClientAuthenticationToken::new)
                .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
