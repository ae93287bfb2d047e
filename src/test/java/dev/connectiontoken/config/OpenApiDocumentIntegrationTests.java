package dev.connectiontoken.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.HttpCall;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document is the committed {@code docs/openapi.json}. After an intended API change, regenerate it
 * with {@code ./mvnw verify -Dopenapi.update=true} and review the diff.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "STRIPE_SECRET_KEY=")
class OpenApiDocumentIntegrationTests {

    private static final Path COMMITTED = Path.of("docs", "openapi.json");

    private static final JsonMapper mapper =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    private int port;

    @Test
    void servedDocumentMatchesTheCommittedOne() throws IOException {
        JsonNode served = served();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, mapper.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        }

        JsonNode committed = mapper.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));

        assertThat(served)
                .as("served /v3/api-docs differs from %s: run ./mvnw verify -Dopenapi.update=true", COMMITTED)
                .isEqualTo(committed);
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
        for (String status : new String[] {"400", "405", "413", "415", "502", "503", "504"}) {
            assertThat(operation
                            .path("responses")
                            .path(status)
                            .path("content")
                            .path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asString())
                    .as(status)
                    .isEqualTo("#/components/schemas/Problem");
        }
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
