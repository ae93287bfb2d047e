package dev.connectiontoken.web;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.connectiontoken.AbstractStripeIntegrationTests;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hand-written API description is the contract: real answers of every kind it describes, sent by the whole service
 * against the Stripe stand-in, are validated against it (status, headers, content type and body schema), and so is
 * every example it shows.
 */
class OpenApiContractIntegrationTests extends AbstractStripeIntegrationTests {

    private static final Path DOCUMENT = Path.of("src", "main", "resources", "openapi.json");

    private static final OpenApiInteractionValidator contract = contract();

    static Stream<Arguments> exchanges() {
        String tooLarge = "{\"location\": \"" + "a".repeat(9000) + "\"}";
        return Stream.of(
                exchange("POST", "/connection_token", null, null, null, 200),
                exchange("POST", "/connection_token", "application/json", "{\"location\": \"tml_A1\"}", null, 200),
                exchange(
                        "POST", "/connection_token", "application/x-www-form-urlencoded", "location=tml_A1", null, 200),
                exchange("POST", "/connection_token", "application/x-www-form-urlencoded", "locaton=x", null, 400),
                exchange("POST", "/connection_token", "application/json", "{\"location\": ", null, 400),
                exchange("POST", "/connection_token", "text/plain", "location=tml_A1", null, 415),
                exchange("POST", "/connection_token", "application/json", tooLarge, null, 413),
                exchange("POST", "/connection_token", null, null, "text/html", 406),
                stripeFails("POST", "/connection_token", 404, "error-location-missing.json", 400),
                stripeFails("POST", "/connection_token", 401, "error-authentication.json", 502),
                stripeFails("POST", "/connection_token", 500, "error-api.json", 502),
                stripeFails("POST", "/connection_token", 429, "error-rate-limit.json", 503),
                stripeFails("POST", "/connection_token", 0, null, 504),
                exchange("GET", "/locations", null, null, null, 200),
                exchange("GET", "/locations?foo=1", null, null, null, 400),
                exchange("GET", "/locations?a=%C3", null, null, null, 400),
                exchange("GET", "/locations", null, null, "text/html", 406));
    }

    @ParameterizedTest(name = "{0} {1} {2} {6} -> {5}")
    @MethodSource("exchanges")
    void answerMatchesTheDescription(
            String method, String path, String contentType, String body, String accept, int status, String stripe) {
        stubStripe(stripe);
        HttpRequest.Builder request = HttpCall.request(this.port, method, path, contentType, body);
        if (accept != null) {
            request.header("Accept", accept);
        }

        HttpResponse<String> response = HttpCall.send(request);

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

    @Test
    void everyExampleIsAnAnswerTheDescriptionAllows() throws IOException {
        JsonNode paths = JsonMapper.builder()
                .build()
                .readTree(Files.readString(DOCUMENT))
                .path("paths");
        List<String> checked = new ArrayList<>();
        List<String> violations = new ArrayList<>();

        paths.properties()
                .forEach((path) -> path.getValue()
                        .properties()
                        .forEach((operation) -> operation
                                .getValue()
                                .path("responses")
                                .properties()
                                .forEach((response) -> response.getValue()
                                        .path("content")
                                        .properties()
                                        .forEach((media) -> {
                                            List<JsonNode> examples = new ArrayList<>();
                                            media.getValue()
                                                    .path("examples")
                                                    .forEach((example) -> examples.add(example.path("value")));
                                            if (media.getValue().has("example")) {
                                                examples.add(media.getValue().path("example"));
                                            }
                                            for (JsonNode example : examples) {
                                                String what = operation.getKey() + " " + path.getKey() + " "
                                                        + response.getKey();
                                                ValidationReport report = contract.validateResponse(
                                                        path.getKey(),
                                                        Request.Method.valueOf(operation
                                                                .getKey()
                                                                .toUpperCase()),
                                                        SimpleResponse.Builder.status(
                                                                        Integer.parseInt(response.getKey()))
                                                                .withContentType(media.getKey())
                                                                .withBody(example.toString())
                                                                .build());
                                                checked.add(what);
                                                report.getMessages()
                                                        .forEach((message) -> violations.add(what + ": " + message));
                                            }
                                        }))));

        assertThat(checked).hasSizeGreaterThanOrEqualTo(40);
        assertThat(violations).isEmpty();
    }

    private static Arguments exchange(
            String method, String path, String contentType, String body, String accept, int status) {
        return Arguments.of(method, path, contentType, body, accept, status, null);
    }

    /** Stripe answers {@code stripeStatus} with a fixture, or (status 0) not before the read timeout. */
    private static Arguments stripeFails(String method, String path, int stripeStatus, String fixture, int status) {
        String stripe = (stripeStatus == 0) ? "no answer in time" : "Stripe " + stripeStatus + " " + fixture;
        return Arguments.of(method, path, null, null, null, status, stripe);
    }

    private static void stubStripe(String stripe) {
        StripeStandIn.server()
                .stubFor(get(urlPathEqualTo(StripeStandIn.LOCATIONS_PATH))
                        .willReturn(StripeStandIn.json(200, StripeStandIn.fixture("locations-page-2.json"))));
        if (stripe == null) {
            StripeStandIn.answer(200, "connection-token.json");
        } else if (stripe.equals("no answer in time")) {
            StripeStandIn.stub(StripeStandIn.json(200, StripeStandIn.fixture("connection-token.json"))
                    .withFixedDelay(1500));
        } else {
            String[] parts = stripe.split(" ");
            StripeStandIn.answer(Integer.parseInt(parts[1]), parts[2]);
        }
    }

    /**
     * The validator checks JSON Schema types only in OpenAPI 3.0 documents: it reads 3.1's {@code type} as a set its
     * draft-4 schema validator ignores, so a 3.1 document is checked for required members only. The document uses no
     * schema keyword 3.1 added, so it is checked as 3.0 (a 3.1-only keyword would fail to load here).
     */
    private static OpenApiInteractionValidator contract() {
        try {
            ObjectNode document = (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(DOCUMENT));
            assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
            document.put("openapi", "3.0.3");
            ((ObjectNode) document.path("info").path("license")).remove("identifier");
            return OpenApiInteractionValidator.createForInlineApiSpecification(document.toString())
                    .build();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
