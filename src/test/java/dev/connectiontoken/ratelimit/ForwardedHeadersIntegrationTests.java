package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.ConnectionTokenApplication;
import dev.connectiontoken.HttpCall;
import dev.connectiontoken.StripeStandIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The service as a Kubernetes pod sees it: {@code KUBERNETES_SERVICE_HOST} and {@code _PORT} set, which makes Spring
 * Boot detect the platform and, left to itself, trust {@code X-Forwarded-For} from any private address. A forged
 * header must change neither the per-address rate limit nor the audited address, unless the operator names the proxy.
 */
@ExtendWith(OutputCaptureExtension.class)
class ForwardedHeadersIntegrationTests {

    @BeforeEach
    void standIn() {
        StripeStandIn.reset();
        StripeStandIn.answer(200, "connection-token.json");
    }

    @Test
    void forgedForwardedForOnKubernetesChangesNeitherLimitNorAuditedAddress(CapturedOutput output) {
        try (ConfigurableApplicationContext pod = pod()) {
            List<Integer> statuses = Stream.of(null, null, null, "203.0.113.7", "203.0.113.8")
                    .map((forwardedFor) -> call(pod, forwardedFor))
                    .toList();

            assertThat(statuses).containsExactly(200, 200, 429, 429, 429);
            assertThat(output).doesNotContain("203.0.113.7").contains("client=ip:127.0.0.1");
        }
    }

    @Test
    void forwardedForFromANamedProxyIsHonoured() {
        try (ConfigurableApplicationContext pod = pod(
                "--server.forward-headers-strategy=native",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")) {
            List<Integer> statuses = Stream.of(null, null, null, "203.0.113.7")
                    .map((forwardedFor) -> call(pod, forwardedFor))
                    .toList();

            // The loopback address is the trusted proxy here, so the fourth call comes from a fresh address.
            assertThat(statuses).containsExactly(200, 200, 429, 200);
        }
    }

    private static int call(ConfigurableApplicationContext pod, String forwardedFor) {
        int port = Integer.parseInt(pod.getEnvironment().getRequiredProperty("local.server.port"));
        var request = HttpCall.to(port, "/connection_token");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HttpCall.send(request).statusCode();
    }

    private static ConfigurableApplicationContext pod(String... extra) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> variables = new HashMap<>(System.getenv());
        variables.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        variables.put("KUBERNETES_SERVICE_PORT", "443");
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        List<String> arguments = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--STRIPE_SECRET_KEY=" + StripeStandIn.SECRET_KEY,
                                "--STRIPE_API_BASE=" + StripeStandIn.baseUrl(),
                                "--connection-token.rate-limit.burst=2",
                                "--connection-token.rate-limit.per-minute=1"),
                        Stream.of(extra))
                .toList();
        return new SpringApplicationBuilder(ConnectionTokenApplication.class)
                .environment(environment)
                .run(arguments.toArray(String[]::new));
    }
}
