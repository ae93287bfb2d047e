package dev.connectiontoken.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.connectiontoken.web.Endpoints;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * What the Terminal SDKs read: {@code secret}, plus {@code location} when the token is scoped.
 *
 * @param secret the connection token to hand to the Terminal SDK
 * @param location the location the token is scoped to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConnectionTokenResponse(String secret, @Nullable String location) {

    /** A token just minted: never stored by a cache, and marked when it is an offline fake. */
    static ResponseEntity<ConnectionTokenResponse> of(ConnectionTokenService.Minted minted) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (minted.token().offline()) {
            response.header(Endpoints.MODE_HEADER, "offline");
        }
        return response.body(new ConnectionTokenResponse(minted.token().secret(), minted.location()));
    }

    @Override
    public String toString() {
        return "ConnectionTokenResponse[secret=<redacted>, location=" + this.location + "]";
    }
}
