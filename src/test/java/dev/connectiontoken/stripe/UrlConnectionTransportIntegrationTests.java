package dev.connectiontoken.stripe;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** stripe-java's own {@code HttpURLConnection} transport. */
class UrlConnectionTransportIntegrationTests extends AlternativeTransportIntegrationTests {

    @DynamicPropertySource
    static void transport(DynamicPropertyRegistry registry) {
        registry.add("connection-token.stripe.http-client", () -> "url-connection");
    }
}
