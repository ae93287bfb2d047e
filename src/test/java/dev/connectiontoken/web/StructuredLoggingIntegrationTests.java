package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** JSON logs are one setting away, and carry the request id as a field. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests {

    /** Logging is global: put the plain format back for the test contexts that run after this one. */
    @AfterAll
    static void restorePlainLogs() {
        // Boot keeps the format in a system property, which would outlive this class's context.
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        SpringApplication.run(ConnectionTokenApplication.class, "--server.port=0", "--STRIPE_SECRET_KEY=")
                .close();
    }

    @Test
    void ecsFormatWritesJsonLinesWithTheRequestId(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(
                ConnectionTokenApplication.class,
                "--server.port=0",
                "--STRIPE_SECRET_KEY=",
                "--logging.structured.format.console=ecs")) {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));

            HttpCall.send(HttpCall.to(port, "/connection_token").header("X-Request-Id", "json-log-1"));

            assertThat(output.getOut().lines().filter((line) -> line.contains("outcome=issued")))
                    .singleElement()
                    .satisfies((line) -> assertThat(line)
                            .startsWith("{")
                            .contains("\"request_id\":\"json-log-1\"")
                            .contains("\"logger\":\"connection-token.audit\"")
                            .contains("\"version\":\""
                                    + context.getEnvironment().getProperty("logging.structured.ecs.service.version")
                                    + "\""));
        }
    }
}
