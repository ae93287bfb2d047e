package dev.connectiontoken.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.connectiontoken.api.Endpoints;
import dev.connectiontoken.stripe.StripeTerminalGateway.IssuedToken;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Terminal SDKs read: {@code secret}, plus {@code location} when the token is scoped.
 *
 * @param secret the connection token to hand to the Terminal SDK
 * @param location the location the token is scoped to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConnectionTokenResponse(
        @Schema(
                description = "The connection token to pass to the Terminal SDK.",
                example = "pst_test_YWNjdF8xTjRaa2F",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String secret,

        @Schema(
                description = "The location the token is scoped to; absent for an unscoped token.",
                example = "tml_FhUnkZQ3ERCm4R")
        @Nullable
        String location) {

    /**
     * Writes the answer for a token just minted: never stored by a cache, and marked when it is an offline fake. The
     * body is written whole with its length, so the answer leaves in one write without chunked encoding; this skips
     * Spring MVC's return-value handling and content negotiation, 15 % of a profile's samples (docs/PERFORMANCE.md).
     */
    static void write(IssuedToken token, HttpServletResponse response, JsonMapper mapper) throws IOException {
        byte[] body = mapper.writeValueAsBytes(new ConnectionTokenResponse(token.secret(), token.location()));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (token.offline()) {
            response.setHeader(Endpoints.MODE_HEADER, "offline");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public String toString() {
        return "ConnectionTokenResponse[secret=<redacted>, location=" + this.location + "]";
    }
}
