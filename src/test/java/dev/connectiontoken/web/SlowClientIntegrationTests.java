package dev.connectiontoken.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectiontoken.AbstractStripeIntegrationTests;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A client that stops sending mid-request (slowloris) loses its connection after the connection timeout. */
class SlowClientIntegrationTests extends AbstractStripeIntegrationTests {

    @DynamicPropertySource
    static void timeout(DynamicPropertyRegistry registry) {
        registry.add("server.tomcat.connection-timeout", () -> "1s");
    }

    @Test
    void clientThatStopsSendingHeadersIsDisconnected() throws IOException {
        try (Socket socket = new Socket("localhost", this.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("POST /connection_token HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                            .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();

            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(answer).doesNotStartWith("HTTP/1.1 200");
        }
    }
}
