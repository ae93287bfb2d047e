package dev.connectiontoken.security;

import dev.connectiontoken.client.Client;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated caller, by API key or JWT: the principal is the {@link Client} with its policy. */
final class ClientAuthenticationToken extends AbstractAuthenticationToken {

    private final Client client;

    ClientAuthenticationToken(Client client) {
        super(List.of());
        this.client = client;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Client getPrincipal() {
        return this.client;
    }

    @Override
    public String getName() {
        return this.client.id();
    }
}
