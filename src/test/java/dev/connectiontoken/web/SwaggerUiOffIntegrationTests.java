package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Swagger UI switched off, as docs/SECURITY.md says: its pages and files are gone, the API description stays. */
@ExtendWith(OutputCaptureExtension.class)
class SwaggerUiOffIntegrationTests {

    @Test
    void switchedOffTheUiAndItsFilesAreGoneAndTheDescriptionStays(CapturedOutput output) {
        // The command line stands for the environment: SPRINGDOC_SWAGGER_UI_ENABLED=false binds to the same property.
        try (ConfigurableApplicationContext context = SpringApplication.run(
                ConnectionTokenApplication.class,
                "--server.port=0",
                "--STRIPE_SECRET_KEY=",
                "--springdoc.swagger-ui.enabled=false")) {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));

            for (String path : new String[] {
                "/swagger-ui.html",
                "/swagger-ui/index.html",
                "/swagger-ui/swagger-initializer.js",
                "/v3/api-docs/swagger-config",
                "/webjars/swagger-ui/index.html"
            }) {
                assertThat(HttpCall.send(port, "GET", path, null, null).statusCode())
                        .as(path)
                        .isEqualTo(404);
            }
            assertThat(HttpCall.send(port, "GET", "/v3/api-docs", null, null).statusCode())
                    .isEqualTo(200);
            assertThat(output.getOut().lines().filter((line) -> line.contains("Ready in offline mode")))
                    .singleElement()
                    .satisfies((line) ->
                            assertThat(line).endsWith("API description at http://localhost:" + port + "/v3/api-docs"));
        }
    }
}
