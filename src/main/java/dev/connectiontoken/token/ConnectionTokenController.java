package dev.connectiontoken.token;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.web.Endpoints;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /connection_token}, what the Terminal SDKs' fetch-connection-token callback calls. The request is bound
 * by {@link ConnectionTokenRequestResolver}; other methods get Spring MVC's 405 with {@code Allow: POST}.
 */
@RestController
class ConnectionTokenController {

    private final ConnectionTokenService service;

    ConnectionTokenController(ConnectionTokenService service) {
        this.service = service;
    }

    @PostMapping(path = Endpoints.CONNECTION_TOKEN, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConnectionTokenResponse> createToken(
            ConnectionTokenRequest request, @AuthenticationPrincipal @Nullable Client client) {
        return ConnectionTokenResponse.of(
                this.service.createToken((client != null) ? client : Client.ANONYMOUS, request));
    }
}
