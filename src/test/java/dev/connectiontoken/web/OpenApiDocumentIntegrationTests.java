package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.HttpCall;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void documentDescribesBothEncodingsBothParametersAndEveryError() {
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
        for (String status : new String[] {"400", "401", "403", "413", "415", "429", "502", "503", "504"}) {
            JsonNode problem =
                    operation.path("responses").path(status).path("content").path("application/problem+json");
            assertThat(problem.path("schema").path("$ref").asString())
                    .as(status)
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(problem.path("examples")
                            .valueStream()
                            .map((example) ->
                                    example.path("value").path("status").asInt()))
                    .as("one example of status %s", status)
                    .containsExactly(Integer.parseInt(status));
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
    void tryItOutSendsNoInventedValues() {
        JsonNode operation = served().path("paths").path("/connection_token").path("post");

        assertThat(operation.path("parameters").valueStream())
                .allSatisfy(
                        (parameter) -> assertThat(parameter.path("schema").has("example") || parameter.has("example"))
                                .isFalse());
        assertThat(operation
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("examples")
                        .valueStream()
                        .map((example) -> example.path("value").toString()))
                .containsExactly("{}");
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> response = HttpCall.send(this.port, "GET", "/swagger-ui/index.html", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("swagger-ui");
    }

    private JsonNode served() {
        HttpResponse<String> response = HttpCall.send(this.port, "GET", "/v3/api-docs", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return mapper.readTree(response.body());
    }
}
