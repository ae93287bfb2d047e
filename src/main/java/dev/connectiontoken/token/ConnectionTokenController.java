package dev.connectiontoken.token;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.error.ApiException;
import dev.connectiontoken.error.ProblemType;
import dev.connectiontoken.error.Problems;
import dev.connectiontoken.stripe.IssuedToken;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /connection_token}: what the Terminal SDKs' fetch-connection-token callback calls. */
@RestController
class ConnectionTokenController {

    static final String MODE_HEADER = "Connection-Token-Mode";

    private final ConnectionTokenService service;

    ConnectionTokenController(ConnectionTokenService service) {
        this.service = service;
    }

    @PostMapping(ConnectionTokenEndpoint.PATH)
    @Operation(
            summary = "Mint a connection token",
            description = "Creates a fresh Stripe Terminal connection token on every call; tokens are never cached."
                    + " Parameters may come in the query string, a form body or a JSON body; a body is optional.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = false,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                        schema = @Schema(implementation = ConnectionTokenRequest.class),
                                        // As in Stripe's spec: expand[0]=a (expand[]=a and expand=a work too).
                                        encoding = @Encoding(name = "expand", style = "DEEP_OBJECT", explode = true)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = ConnectionTokenRequest.class))
                            }),
            parameters = {
                @Parameter(
                        name = "location",
                        in = ParameterIn.QUERY,
                        description = "The Stripe location to scope the token to.",
                        schema = @Schema(type = "string", pattern = "^tml_[A-Za-z0-9]+$", maxLength = 5000)),
                @Parameter(
                        name = "expand",
                        in = ParameterIn.QUERY,
                        description = "Response fields to expand, forwarded to Stripe.",
                        array = @ArraySchema(schema = @Schema(type = "string", maxLength = 5000)))
            })
    @ApiResponse(
            responseCode = "200",
            description = "A fresh connection token.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ConnectionTokenResponse.class),
                            examples = @ExampleObject(value = "{\"secret\": \"pst_test_YWNjdF8xTjRaa2F\"}")))
    // The error responses (400 to 504) are added by OpenApiConfiguration, with the problem schema.
    ResponseEntity<ConnectionTokenResponse> createToken(
            @Parameter(hidden = true) ConnectionTokenRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal @Nullable Client client) {
        IssuedToken token = this.service.createToken((client != null) ? client : Client.ANONYMOUS, request);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON);
        if (token.offline()) {
            response.header(MODE_HEADER, "offline");
        }
        return response.body(new ConnectionTokenResponse(token.secret(), token.location()));
    }

    /** Every other method is a 405 naming POST, so that a GET (a link prefetch, a crawler) never mints a token. */
    @Hidden
    @RequestMapping(
            path = ConnectionTokenEndpoint.PATH,
            method = {
                RequestMethod.GET,
                RequestMethod.HEAD,
                RequestMethod.PUT,
                RequestMethod.PATCH,
                RequestMethod.DELETE,
                RequestMethod.OPTIONS
            })
    void refuseMethod(HttpServletRequest request) {
        ApiException refusal = Problems.exception(
                ProblemType.METHOD_NOT_ALLOWED,
                request.getMethod() + " is not allowed on " + ConnectionTokenEndpoint.PATH
                        + ": connection tokens are minted by POST.");
        refusal.getHeaders().setAllow(Set.of(HttpMethod.POST));
        throw refusal;
    }
}
