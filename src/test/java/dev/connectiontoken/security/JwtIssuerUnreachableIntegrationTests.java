package dev.connectiontoken.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.HttpCall;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An identity provider that cannot be reached: any JWT-shaped bearer gets a 503 with {@code Retry-After} in the problem
 * shape and one log line, never a 500 with a stack trace.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "STRIPE_SECRET_KEY=",
            // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/idp",
            "spring.security.oauth2.resourceserver.jwt.audiences=connection-token-service"
        })
@ExtendWith(OutputCaptureExtension.class)
class JwtIssuerUnreachableIntegrationTests {

    @LocalServerPort
    private int port;

    @Test
    void jwtShapedBearerIs503WithoutAStackTrace(CapturedOutput output) {
        HttpResponse<String> response =
                HttpCall.send(HttpCall.to(this.port, "/connection_token").header("Authorization", "Bearer a.b.c"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(HttpCall.json(response.body()).path("type").asString()).endsWith(":authentication-unavailable");
        assertThat(output).contains("JWT keys unavailable").doesNotContain("\tat org.springframework");
    }
}
