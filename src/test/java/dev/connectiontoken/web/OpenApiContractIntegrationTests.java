package dev.connectiontoken.web;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written API description is the contract: real answers of every kind it describes, sent by the whole service
 * against the Stripe stand-in, are validated against it (status, headers, content type and body schema).
 */
class OpenApiContractIntegrationTests extends AbstractStripeIntegrationTests {

    private static final OpenApiInteractionValidator contract = contract();

    static Stream<Arguments> exchanges() {
        return Stream.of(
                Arguments.of("POST", "/connection_token", null, null, 200),
                Arguments.of("POST", "/connection_token", "application/json", "{\"location\": \"tml_A1\"}", 200),
                Arguments.of("POST", "/connection_token", "application/x-www-form-urlencoded", "locaton=x", 400),
                Arguments.of("POST", "/connection_token", "text/plain", "location=tml_A1", 415),
                Arguments.of(
                        "POST",
                        "/connection_token",
                        "application/json",
                        "{\"location\": \"" + "a".repeat(9000) + "\"}",
                        413),
                Arguments.of("GET", "/locations", null, null, 200),
                Arguments.of("GET", "/locations?foo=1", null, null, 400));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @MethodSource("exchanges")
    void answerMatchesTheDescription(String method, String path, String contentType, String body, int status) {
        StripeStandIn.answer(200, "connection-token.json");
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(StripeStandIn.LOCATIONS_PATH))
                        .willReturn(StripeStandIn.json(200, StripeStandIn.fixture("locations-page-2.json"))));

        HttpResponse<String> response = HttpCall.send(this.port, method, path, contentType, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        SimpleResponse.Builder answer =
                SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        String operation = path.replaceFirst("\\?.*$", "");
        assertThat(contract.validateResponse(operation, Request.Method.valueOf(method), answer.build())
                        .getMessages())
                .as(response.body())
                .isEmpty();
    }

    private static OpenApiInteractionValidator contract() {
        try {
            return OpenApiInteractionValidator.createForInlineApiSpecification(
                            Files.readString(Path.of("src", "main", "resources", "openapi.json")))
                    .build();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
