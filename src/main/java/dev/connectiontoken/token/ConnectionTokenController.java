package dev.connectiontoken.token;

import dev.connectiontoken.client.Client;
import dev.connectiontoken.web.Endpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Connection tokens", description = "What the Terminal SDKs' fetch-connection-token callback calls.")
class ConnectionTokenController {

    private final ConnectionTokenService service;

    ConnectionTokenController(ConnectionTokenService service) {
        this.service = service;
    }

    @PostMapping(path = Endpoints.CONNECTION_TOKEN, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "createConnectionToken",
            summary = "Mint a connection token",
            description = "Creates a fresh Stripe Terminal connection token on every call; tokens are never cached."
                    + " Parameters may come in the query string, a JSON body or a form body; a body is optional:"
                    + " a bare POST mints an unscoped token, or one scoped to the client's default location.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = false,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = ConnectionTokenRequest.class),
                                        examples = @ExampleObject(name = "no parameters", value = "{}")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                        schema = @Schema(implementation = ConnectionTokenRequest.class),
                                        examples = @ExampleObject(name = "no parameters", value = "{}"),
                                        // As in Stripe's spec: expand[0]=a (expand[]=a and expand=a work too).
                                        encoding = @Encoding(name = "expand", style = "DEEP_OBJECT", explode = true))
                            }),
            parameters = {
                @Parameter(
                        name = "location",
                        in = ParameterIn.QUERY,
                        description = "The Stripe location to scope the token to (tml_...), one of the client's.",
                        schema = @Schema(type = "string", maxLength = 5000)),
                @Parameter(
                        name = "expand",
                        in = ParameterIn.QUERY,
                        description = "Response fields to expand, forwarded to Stripe.",
                        array = @ArraySchema(schema = @Schema(type = "string", maxLength = 5000), maxItems = 20))
            })
    @ApiResponse(
            responseCode = "200",
            description = "A fresh connection token.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ConnectionTokenResponse.class),
                            examples = @ExampleObject(value = "{\"secret\": \"pst_test_YWNjdF8xTjRaa2F\"}")))
    // The 200's headers and the error responses (400 to 504) are added by the web package's OpenApiConfiguration.
    ResponseEntity<ConnectionTokenResponse> createToken(
            @Parameter(hidden = true) ConnectionTokenRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal @Nullable Client client) {
        return ConnectionTokenResponse.of(
                this.service.createToken((client != null) ? client : Client.ANONYMOUS, request));
    }
}
