package dev.connectiontoken.token;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.web.Endpoints;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /connection_token}, which the Terminal SDKs call; {@link ConnectionTokenRequestResolver} binds it. */
@RestController
class ConnectionTokenController {

    private final ConnectionTokenService service;

    ConnectionTokenController(ConnectionTokenService service) {
        this.service = service;
    }

    @PostMapping(path = Endpoints.CONNECTION_TOKEN, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConnectionTokenResponse> createToken(
            ConnectionTokenRequest request, @AuthenticationPrincipal @Nullable Client client) {
        ConnectionTokenResponse token = this.service.createToken((client != null) ? client : Client.ANONYMOUS, request);
        // Never stored by a cache.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token);
    }
}
