package dev.connectiontoken;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WireMock standing in for api.stripe.com, shared by every integration test so that they share one application
 * context. Every request the service sends and every answer stubbed here is checked against Stripe's own OpenAPI
 * description of the endpoint, so neither side can drift from Stripe's contract.
 */
public final class StripeStandIn {

    public static final String PATH = "/v1/terminal/connection_tokens";

    public static final String SECRET_KEY = "sk_test_51StandInKey0000000000000000";

    private static final WireMockServer server = start();

    private static final JsonMapper mapper = JsonMapper.builder().build();

    /** Stripe's Terminal locations: list and retrieve. */
    public static final String LOCATIONS_PATH = "/v1/terminal/locations";

    private static final OpenApiInteractionValidator contract =
            OpenApiInteractionValidator.createForInlineApiSpecification(
                            withJsonTwinOfFormBody(fixture("terminal-connection-tokens.json")))
                    .build();

    private static final OpenApiInteractionValidator locationsContract =
            OpenApiInteractionValidator.createForInlineApiSpecification(fixture("terminal-locations.json"))
                    .build();

    private static boolean contractBreachExpected;

    private StripeStandIn() {}

    /** Resets stubs and requests, and the contract check, before each test. */
    public static void reset() {
        server.resetAll();
        contractBreachExpected = false;
    }

    /** For a test that stubs a deliberately broken answer: skips the contract check until the next reset. */
    public static void expectContractBreach() {
        contractBreachExpected = true;
    }

    public static WireMockServer server() {
        return server;
    }

    public static String baseUrl() {
        return server.baseUrl();
    }

    /** Stubs the connection-token endpoint with an answer read from {@code src/test/resources/stripe/}. */
    public static void answer(int status, String fixture) {
        stub(json(status, fixture(fixture)));
    }

    /** Stubs the connection-token endpoint to answer {@code first} once, then a token on every later call. */
    public static void firstThenToken(ResponseDefinitionBuilder first) {
        server.stubFor(endpoint()
                .inScenario("first-then-token")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first)
                .willSetStateTo("token"));
        server.stubFor(endpoint()
                .inScenario("first-then-token")
                .whenScenarioStateIs("token")
                .willReturn(json(200, fixture("connection-token.json"))));
    }

    /** A stub of the connection-token endpoint, for scenarios. */
    public static MappingBuilder endpoint() {
        return post(urlPathEqualTo(PATH));
    }

    /** Stubs the connection-token endpoint with any answer, faults and delays included. */
    public static void stub(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_StandIn123")
                .withBody(body);
    }

    public static String fixture(String name) {
        try (InputStream in = StripeStandIn.class.getResourceAsStream("/stripe/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The requests the service sent to Stripe's connection-token endpoint since the last reset, oldest first. */
    public static List<ServeEvent> requests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream()
                .filter((event) -> event.getRequest().getUrl().startsWith(PATH))
                .toList();
    }

    /** Decodes a form body such as {@code location=tml_1&expand%5B0%5D=a} into its pairs, in order. */
    public static Map<String, List<String>> form(ServeEvent event) {
        return form(event.getRequest().getBodyAsString());
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return pairs;
        }
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            pairs.computeIfAbsent(decode(parts[0]), (key) -> new ArrayList<>())
                    .add(parts.length > 1 ? decode(parts[1]) : "");
        }
        return pairs;
    }

    /**
     * Fails if a request sent or an answer stubbed breaks Stripe's OpenAPI description. A fault (a reset, garbage) has
     * no answer to check, so only its request is checked, next to a valid answer.
     */
    public static void assertContractKept() {
        if (contractBreachExpected) {
            return;
        }
        for (ServeEvent event : server.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith(LOCATIONS_PATH)) {
                assertThat(locationsContractViolations(event))
                        .as("Stripe contract for %s", event.getRequest())
                        .isEmpty();
                continue;
            }
            if (!event.getRequest().getUrl().startsWith(PATH)) {
                continue;
            }
            boolean fault = event.getResponseDefinition().getFault() != null;
            List<String> violations = contractViolations(
                    event.getRequest().getHeader("Authorization"),
                    event.getRequest().getBodyAsString(),
                    fault ? 200 : event.getResponse().getStatus(),
                    fault
                            ? fixture("connection-token.json")
                            : event.getResponse().getBodyAsString());
            assertThat(violations)
                    .as("Stripe contract for %s", event.getRequest())
                    .isEmpty();
        }
    }

    /** What breaks Stripe's contract in one exchange with its connection-token endpoint. */
    public static List<String> contractViolations(
            String authorization, String requestBody, int status, String responseBody) {
        SimpleRequest request = SimpleRequest.Builder.post(PATH)
                .withContentType("application/json")
                .withAuthorization(authorization)
                .withBody(formAsJson(requestBody))
                .build();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withContentType("application/json").withBody(responseBody);
        }
        ValidationReport report = contract.validate(request, response.build());
        return report.getMessages().stream().map(Object::toString).toList();
    }

    /** What breaks Stripe's contract in one exchange with its locations endpoints (GET, query parameters only). */
    private static List<String> locationsContractViolations(ServeEvent event) {
        SimpleRequest.Builder request = SimpleRequest.Builder.get(
                        event.getRequest().getUrl().replaceFirst("\\?.*$", ""))
                .withAuthorization(event.getRequest().getHeader("Authorization"));
        event.getRequest().getQueryParams().forEach((name, values) -> request.withQueryParam(name, values.values()));
        SimpleResponse.Builder response =
                SimpleResponse.Builder.status(event.getResponse().getStatus());
        String body = event.getResponse().getBodyAsString();
        if (body != null && !body.isEmpty()) {
            response.withContentType("application/json").withBody(body);
        }
        return locationsContract.validate(request.build(), response.build()).getMessages().stream()
                .map(Object::toString)
                .toList();
    }

    /** The requests the service sent to Stripe's locations endpoints since the last reset, oldest first. */
    public static List<ServeEvent> locationRequests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream()
                .filter((event) -> event.getRequest().getUrl().startsWith(LOCATIONS_PATH))
                .toList();
    }

    /**
     * The validator cannot decode Stripe's form encoding of lists ({@code expand[0]=a}, {@code style: deepObject}),
     * and reads a single repeated key as a string. So each form body is decoded the way Stripe decodes it and checked
     * as JSON against the very same schema, which the spec is given a JSON twin of. Names, types and lengths are still
     * checked as sent.
     */
    private static String withJsonTwinOfFormBody(String spec) {
        ObjectNode root = (ObjectNode) mapper.readTree(spec);
        ObjectNode content = (ObjectNode)
                root.path("paths").path(PATH).path("post").path("requestBody").path("content");
        content.set("application/json", content.path("application/x-www-form-urlencoded"));
        return mapper.writeValueAsString(root);
    }

    private static String formAsJson(String body) {
        ObjectNode json = mapper.createObjectNode();
        form(body).forEach((name, values) -> {
            String list = name.replaceFirst("\\[\\d*]$", "");
            if (!list.equals(name) || values.size() > 1) {
                ArrayNode array = json.has(list) ? (ArrayNode) json.get(list) : json.putArray(list);
                values.forEach(array::add);
            } else {
                json.put(name, values.get(0));
            }
        });
        return mapper.writeValueAsString(json);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static WireMockServer start() {
        WireMockServer wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        Runtime.getRuntime().addShutdownHook(new Thread(wireMock::stop));
        return wireMock;
    }
}
