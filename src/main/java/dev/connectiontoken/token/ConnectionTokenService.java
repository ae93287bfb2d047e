package dev.connectiontoken.token;

import dev.connectiontoken.client.AuditLog;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.client.LocationPolicy;
import dev.connectiontoken.stripe.IssuedToken;
import dev.connectiontoken.stripe.StripeFailure;
import dev.connectiontoken.stripe.StripeTerminalGateway;
import dev.connectiontoken.web.ApiException;
import org.springframework.stereotype.Service;

/** Applies the client's location and account policy, mints the token, and audits the outcome either way. */
@Service
class ConnectionTokenService {

    private final StripeTerminalGateway gateway;
    private final AuditLog audit;

    ConnectionTokenService(StripeTerminalGateway gateway, AuditLog audit) {
        this.gateway = gateway;
        this.audit = audit;
    }

    ConnectionTokenResponse createToken(Client client, ConnectionTokenRequest request) {
        String location = request.location();
        try {
            location = LocationPolicy.resolve(client, request.location());
            IssuedToken token = this.gateway.createToken(location, request.expand(), client.account());
            this.audit.issued(client, location, token.stripeRequestId(), token.waited());
            return new ConnectionTokenResponse(token.secret(), location);
        } catch (StripeFailure failure) {
            ApiException answer = ApiException.from(failure);
            this.audit.refused(client, location, answer);
            throw answer;
        } catch (ApiException ex) {
            this.audit.refused(client, location, ex);
            throw ex;
        }
    }
}
