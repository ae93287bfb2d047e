package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A fresh checkout starts quietly: the offline warning is the only one, and plain lines carry no empty columns. */
@ExtendWith(OutputCaptureExtension.class)
class StartupLogIntegrationTests {

    /** The start of a plain-text log line: its time stamp and level. */
    private static final Pattern LOG_LINE =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\b");

    @Test
    void offlineStartWarnsOnlyThatItIsOfflineAndPrintsNoEmptyColumns(CapturedOutput output) {
        try (ConfigurableApplicationContext context =
                SpringApplication.run(ConnectionTokenApplication.class, "--server.port=0", "--STRIPE_SECRET_KEY=")) {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));

            HttpCall.send(HttpCall.to(port, "/connection_token").header("X-Request-Id", "quiet-1"));
        }

        List<String> lines = output.getOut()
                .lines()
                .filter((line) -> LOG_LINE.matcher(line).find())
                .toList();
        assertThat(lines).anySatisfy((line) -> assertThat(line).contains("Ready in offline mode"));
        assertThat(lines)
                .filteredOn((line) -> !level(line).equals("INFO"))
                .singleElement()
                .satisfies((line) -> assertThat(line).contains(" WARN ", "stripe.StripeConfiguration"));
        assertThat(output).contains("OFFLINE MODE: STRIPE_SECRET_KEY is not set");
        assertThat(lines)
                .filteredOn((line) -> line.contains("outcome=issued"))
                .singleElement()
                .satisfies((line) -> assertThat(line).contains(" INFO [quiet-1] "));
        assertThat(lines)
                .allSatisfy((line) -> assertThat(line).doesNotContain("[]").doesNotContainPattern("\\[ +\\]"));
    }

    private static String level(String line) {
        Matcher matcher = LOG_LINE.matcher(line);
        return matcher.find() ? matcher.group(1) : "";
    }
}
