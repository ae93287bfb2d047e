package dev.connectiontoken.token;

import dev.connectiontoken.audit.AuditLog;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.client.LocationPolicy;
import dev.connectiontoken.error.ApiException;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.Problems;
import dev.connectiontoken.stripe.StripeTerminalGateway;
import dev.connectiontoken.stripe.StripeTerminalGateway.IssuedToken;
import dev.connectiontoken.token.ConnectionTokenRequestReader.ConnectionTokenRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.resilience.InvocationRejectedException;
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

    IssuedToken createToken(Client client, ConnectionTokenRequest request) {
        try {
            String location = LocationPolicy.resolve(client, request.location());
            IssuedToken token = mint(location, request, client);
            this.audit.issued(client, token.location(), token.stripeRequestId());
            return token;
        } catch (ApiException ex) {
            this.audit.refused(client, request.location(), ex);
            throw ex;
        }
    }

    private IssuedToken mint(@Nullable String location, ConnectionTokenRequest request, Client client) {
        try {
            return this.gateway.createToken(location, request.expand(), client.account());
        } catch (InvocationRejectedException ex) {
            // The gateway's concurrency limit is full: answer now rather than queue behind a stalled Stripe.
            throw Problems.exception(
                            ProblemType.STRIPE_SATURATED, "Too many calls to Stripe are in flight. Retry shortly.")
                    .retryAfter(Duration.ofSeconds(1));
        }
    }
}
