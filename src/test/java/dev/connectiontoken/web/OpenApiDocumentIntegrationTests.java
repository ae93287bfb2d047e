package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.HttpCall;
import dev.connectiontoken.client.Client;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served OpenAPI document is the hand-written {@code src/main/resources/openapi.json}, and it describes what the
 * service promises; {@link OpenApiContractIntegrationTests} checks real answers against it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "STRIPE_SECRET_KEY=")
class OpenApiDocumentIntegrationTests {

    private static final Path COMMITTED = Path.of("src", "main", "resources", "openapi.json");

    private static final String TYPE_PREFIX = "tag:connection-token-service,2026:problem:";

    /** A 503 of both endpoints announced in the document ahead of its code (the Stripe per-second budget). */
    private static final String STRIPE_BUDGET_SPENT = "stripe-budget-spent";

    private static final JsonMapper mapper =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    private int port;

    /** The build's own record of its version (META-INF/build-info.properties), not a copy of the pom's. */
    @Autowired
    private BuildProperties build;

    @Test
    void servedDocumentIsTheHandWrittenOneWithTheBuildsVersion() throws IOException {
        ObjectNode committed = (ObjectNode) mapper.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(committed.path("info").path("version").asString()).isEqualTo("@project.version@");
        ((ObjectNode) committed.path("info")).put("version", this.build.getVersion());

        assertThat(served()).isEqualTo(committed);
        assertThat(served().path("info").path("version").asString())
                .isNotBlank()
                .doesNotContain("@");
    }

    @Test
    void documentDescribesBothEncodingsAndBothParameters() {
        JsonNode operation = served().path("paths").path("/connection_token").path("post");

        assertThat(operation.path("requestBody").path("content").propertyNames())
                .contains("application/x-www-form-urlencoded", "application/json");
        assertThat(operation
                        .path("parameters")
                        .valueStream()
                        .map((p) -> p.path("name").asString()))
                .containsExactlyInAnyOrder("location", "expand");
        assertThat(operation
                        .path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("example")
                        .path("secret")
                        .asString())
                .startsWith("pst_");
    }

    @Test
    void eachOperationListsExactlyTheStatusesItCanAnswer() {
        JsonNode paths = served().path("paths");

        assertThat(paths.path("/connection_token")
                        .path("post")
                        .path("responses")
                        .propertyNames())
                .containsExactly("200", "400", "401", "403", "406", "413", "415", "429", "500", "502", "503", "504");
        assertThat(paths.path("/locations").path("get").path("responses").propertyNames())
                .containsExactly("200", "400", "401", "403", "406", "429", "500", "502", "503", "504");
    }

    @Test
    void tokenErrorsHaveOneExampleForEveryProblemTypeTheEndpointCanAnswer() {
        JsonNode responses =
                served().path("paths").path("/connection_token").path("post").path("responses");

        // 404 and 405 answer other paths and methods (the document's description says so); oversized headers are a 400.
        assertThat(problemExamples(responses).keySet())
                .containsExactlyInAnyOrderElementsOf(typesBut(
                        ProblemType.NOT_FOUND,
                        ProblemType.METHOD_NOT_ALLOWED,
                        ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE));
    }

    @Test
    void locationErrorsHaveOneExampleForEveryProblemTypeTheEndpointCanAnswer() {
        JsonNode responses =
                served().path("paths").path("/locations").path("get").path("responses");

        // GET /locations reads no body and applies no location policy; Stripe's parameter errors are about tokens.
        assertThat(problemExamples(responses).keySet())
                .containsExactlyInAnyOrderElementsOf(typesBut(
                        ProblemType.NOT_FOUND,
                        ProblemType.METHOD_NOT_ALLOWED,
                        ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        ProblemType.LOCATION_REQUIRED,
                        ProblemType.LOCATION_NOT_ALLOWED,
                        ProblemType.STRIPE_REJECTED_PARAMETERS));
    }

    @Test
    void everyProblemExampleIsItsTypeAtItsStatus() {
        JsonNode paths = served().path("paths");

        for (JsonNode operation : new JsonNode[] {
            paths.path("/connection_token").path("post"),
            paths.path("/locations").path("get")
        }) {
            problemExamples(operation.path("responses")).forEach((name, example) -> {
                ProblemType type = typeNamed(name);
                JsonNode value = example.path("value");
                assertThat(value.path("type").asString()).as(name).isEqualTo(TYPE_PREFIX + name);
                assertThat(value.path("status").asInt())
                        .as(name)
                        .isEqualTo(Integer.parseInt(example.path("status").asString()));
                assertThat(value.path("error").path("message").asString())
                        .as(name)
                        .isEqualTo(value.path("detail").asString());
                assertThat(value.path("error").path("type").asString())
                        .as(name)
                        .isEqualTo((value.path("status").asInt() < 500) ? "invalid_request_error" : "api_error");
                if (type != null) {
                    assertThat(value.path("status").asInt())
                            .as(name)
                            .isEqualTo(type.status().value());
                    // The catch-all type takes its title from the status (ApiException.complete).
                    assertThat(value.path("title").asString())
                            .as(name)
                            .isEqualTo((type == ProblemType.BAD_REQUEST) ? "Bad Request" : type.title());
                }
            });
        }
    }

    @Test
    void stripeBudgetSpentIsDescribedAsAnnounced() {
        JsonNode paths = served().path("paths");

        for (JsonNode operation : new JsonNode[] {
            paths.path("/connection_token").path("post"),
            paths.path("/locations").path("get")
        }) {
            JsonNode unavailable = operation.path("responses").path("503");
            JsonNode budget = unavailable
                    .path("content")
                    .path("application/problem+json")
                    .path("examples")
                    .path(STRIPE_BUDGET_SPENT)
                    .path("value");
            assertThat(budget.path("title").asString()).isEqualTo("Stripe request budget spent");
            assertThat(budget.path("error").path("code").asString()).isEqualTo("stripe_budget_spent");
            assertThat(unavailable.path("headers").propertyNames()).contains("Retry-After");
        }
    }

    @Test
    void documentDeclaresTheHeadersAndTheWholeProblem() {
        JsonNode document = served();
        JsonNode responses =
                document.path("paths").path("/connection_token").path("post").path("responses");

        assertThat(responses.path("200").path("headers").propertyNames())
                .contains("Cache-Control", "Connection-Token-Mode", "X-Request-Id", "RateLimit-Remaining");
        assertThat(responses.path("429").path("headers").propertyNames()).contains("Retry-After", "RateLimit-Reset");
        assertThat(responses.path("503").path("headers").propertyNames()).contains("Retry-After");
        assertThat(document.path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .propertyNames())
                .contains("type", "title", "status", "detail", "instance", "error", "errors", "request_id");
    }

    @Test
    void tryItOutStartsWithNoInventedValues() {
        JsonNode operation = served().path("paths").path("/connection_token").path("post");

        assertThat(operation.path("parameters").valueStream())
                .allSatisfy(
                        (parameter) -> assertThat(parameter.path("schema").has("example") || parameter.has("example"))
                                .isFalse());
        // Swagger UI fills the body with the first example: a real call must not carry a made-up location.
        assertThat(operation.path("requestBody").path("content").valueStream())
                .hasSize(2)
                .allSatisfy((content) -> assertThat(content.path("examples")
                                .valueStream()
                                .findFirst()
                                .orElseThrow()
                                .path("value")
                                .toString())
                        .isEqualTo("{}"));
    }

    @Test
    void bothBodyEncodingsShowAnExampleWithALocation() {
        JsonNode operation = served().path("paths").path("/connection_token").path("post");

        assertThat(operation.path("requestBody").path("content").valueStream())
                .hasSize(2)
                .allSatisfy((content) -> assertThat(content.path("examples")
                                .valueStream()
                                .map((example) ->
                                        example.path("value").path("location").asString("")))
                        .anySatisfy((location) -> assertThat(location).matches(Client.LOCATION_ID)));
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> response = HttpCall.send(this.port, "GET", "/swagger-ui/index.html", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("swagger-ui");
        // Only springdoc serves the UI's files: Boot's webjar mapping is off, so switching the UI off removes them all.
        assertThat(HttpCall.send(this.port, "GET", "/webjars/swagger-ui/index.html", null, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void swaggerUiShowsTokensFirstWithDeepLinksAndTheBuildsVersion() {
        HttpResponse<String> initializer =
                HttpCall.send(this.port, "GET", "/swagger-ui/swagger-initializer.js", null, null);
        JsonNode config = json(HttpCall.send(this.port, "GET", "/v3/api-docs/swagger-config", null, null));
        JsonNode document =
                json(HttpCall.send(this.port, "GET", config.path("url").asString(), null, null));

        assertThat(initializer.body()).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"");
        assertThat(config.path("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(config.path("deepLinking").asBoolean()).isTrue();
        // Without a sorter Swagger UI lists tags in the document's order, and each tag's operations in path order.
        assertThat(config.has("tagsSorter") || config.has("operationsSorter")).isFalse();
        assertThat(document.path("tags")
                        .valueStream()
                        .map((tag) -> tag.path("name").asString()))
                .containsExactly("Connection tokens", "Locations");
        assertThat(document.path("paths").propertyNames()).first().isEqualTo("/connection_token");
        assertThat(document.path("paths")
                        .path("/connection_token")
                        .path("post")
                        .path("tags")
                        .path(0)
                        .asString())
                .isEqualTo("Connection tokens");
        assertThat(document.path("info").path("version").asString()).isEqualTo(this.build.getVersion());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return mapper.readTree(response.body());
    }

    /** Every problem example of these responses by name, each with its response's status as {@code status}. */
    private static Map<String, ObjectNode> problemExamples(JsonNode responses) {
        Map<String, ObjectNode> examples = new LinkedHashMap<>();
        responses.properties().forEach((response) -> {
            JsonNode problem = response.getValue().path("content").path("application/problem+json");
            if (!problem.isMissingNode()) {
                assertThat(problem.path("schema").path("$ref").asString())
                        .as(response.getKey())
                        .isEqualTo("#/components/schemas/Problem");
            }
            problem.path("examples").properties().forEach((example) -> {
                ObjectNode copy = ((ObjectNode) example.getValue()).deepCopy();
                copy.put("status", response.getKey());
                assertThat(examples.put(example.getKey(), copy))
                        .as("one example of %s", example.getKey())
                        .isNull();
            });
        });
        return examples;
    }

    /** The kebab-case names of every problem type but these, and of the one announced before its code lands. */
    private static List<String> typesBut(ProblemType... excluded) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(ProblemType.values())
                .filter((type) -> !List.of(excluded).contains(type))
                .forEach((type) -> names.add(type.type().toString().substring(TYPE_PREFIX.length())));
        names.add(STRIPE_BUDGET_SPENT);
        return List.copyOf(names);
    }

    private static @Nullable ProblemType typeNamed(String name) {
        return Arrays.stream(ProblemType.values())
                .filter((type) -> type.type().toString().equals(TYPE_PREFIX + name))
                .findFirst()
                .orElse(null);
    }

    private JsonNode served() {
        HttpResponse<String> response = HttpCall.send(this.port, "GET", "/v3/api-docs", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return mapper.readTree(response.body());
    }
}
