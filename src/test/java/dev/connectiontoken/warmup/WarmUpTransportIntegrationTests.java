package dev.connectiontoken.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * With stripe-java's own transport configured, which cannot trust the loopback stand-in's certificate, the warm-up
 * drives the default transport instead, and still answers every request.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "connection-token.warm-up.duration=1s",
            "connection-token.warm-up.concurrency=2",
            "connection-token.stripe.http-client=url-connection",
            "STRIPE_SECRET_KEY=sk_test_51WarmUpTransportTests",
            "STRIPE_API_BASE=http://127.0.0.1:9"
        })
class WarmUpTransportIntegrationTests {

    @Autowired
    private WarmUp warmUp;

    @Test
    void warmsUpWithTheDefaultTransportWhenUrlConnectionIsConfigured() {
        WarmUpLoad.Result run = this.warmUp.lastRun();
        assertThat(run).isNotNull();
        assertThat(run.requests()).isPositive();
        assertThat(run.failed()).as(run.firstFailure()).isZero();
    }
}
