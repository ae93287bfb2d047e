package dev.connectiontoken.token;

import dev.connectiontoken.audit.AuditLog;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.client.LocationPolicy;
import dev.connectiontoken.error.ApiException;
import dev.connectiontoken.stripe.IssuedToken;
import dev.connectiontoken.stripe.TerminalGateway;
import org.springframework.stereotype.Service;

/** Applies the client's location and account policy, mints the token, and audits the outcome either way. */
@Service
class ConnectionTokenService {

    private final TerminalGateway gateway;

    ConnectionTokenService(TerminalGateway gateway) {
        this.gateway = gateway;
    }

    IssuedToken createToken(Client client, ConnectionTokenRequest request) {
        try {
            String location = LocationPolicy.resolve(client, request.location());
            IssuedToken token = this.gateway.createToken(location, request.expand(), client.account());
            AuditLog.issued(client.id(), token.location(), client.account(), token.stripeRequestId());
            return token;
        } catch (ApiException ex) {
            AuditLog.refused(
                    client.id(),
                    request.location(),
                    client.account(),
                    ex.getStatusCode().value(),
                    ex.code(),
                    ex.upstreamRequestId());
            throw ex;
        }
    }
}
