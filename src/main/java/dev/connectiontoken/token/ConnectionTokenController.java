package dev.connectiontoken.token;

import dev.connectiontoken.api.Endpoints;
import dev.connectiontoken.client.Client;
import dev.connectiontoken.stripe.StripeTerminalGateway.IssuedToken;
import dev.connectiontoken.token.ConnectionTokenRequestReader.ConnectionTokenRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /connection_token}, what the Terminal SDKs' fetch-connection-token callback calls. The request path, in
 * the order it runs: this controller, {@link ConnectionTokenRequestReader}, {@link ConnectionTokenService}, the Stripe
 * gateway, {@link ConnectionTokenResponse}. Other methods get Spring MVC's 405 with {@code Allow: POST}.
 */
@RestController
@Tag(name = "Connection tokens", description = "What the Terminal SDKs' fetch-connection-token callback calls.")
class ConnectionTokenController {

    private final ConnectionTokenRequestReader reader;

    private final ConnectionTokenService service;

    private final JsonMapper mapper;

    ConnectionTokenController(ConnectionTokenRequestReader reader, ConnectionTokenService service, JsonMapper mapper) {
        this.reader = reader;
        this.service = service;
        this.mapper = mapper;
    }

    @PostMapping(Endpoints.CONNECTION_TOKEN)
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
                                        // Swagger UI fills "Try it out" from the example, never from the pattern.
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
            headers = {
                @Header(
                        name = "Cache-Control",
                        description = "Always no-store: a token is never cached.",
                        schema = @Schema(type = "string", example = "no-store")),
                @Header(
                        name = Endpoints.MODE_HEADER,
                        description = "offline when no Stripe key is set and the token is a fake; absent otherwise.",
                        schema = @Schema(type = "string", allowableValues = "offline"))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ConnectionTokenResponse.class),
                            examples = @ExampleObject(value = "{\"secret\": \"pst_test_YWNjdF8xTjRaa2F\"}")))
    // The error responses (400 to 504) and the headers every answer carries are added by OpenApiConfiguration.
    void createToken(
            @Parameter(hidden = true) HttpServletRequest httpRequest,
            @Parameter(hidden = true) HttpServletResponse httpResponse,
            @Parameter(hidden = true) @AuthenticationPrincipal @Nullable Client client)
            throws IOException {
        ConnectionTokenRequest request = this.reader.read(httpRequest);
        IssuedToken token = this.service.createToken((client != null) ? client : Client.ANONYMOUS, request);
        ConnectionTokenResponse.write(token, httpResponse, this.mapper);
    }
}
