package dev.connectiontoken.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The warm-up runs before readiness, through a copy of the service that never reaches the configured Stripe (here a
 * closed port: a call there would fail) and leaves nothing in the service's audit log or metrics.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            // The request count ends the warm-up long before the duration would.
            "connection-token.warm-up.duration=120s",
            "connection-token.warm-up.requests=48",
            "connection-token.warm-up.concurrency=4",
            // Then two at a time until the compilers are idle for a second, at most 2 s.
            "connection-token.warm-up.settle=2s",
            "STRIPE_SECRET_KEY=sk_test_51WarmUpIntegrationTests",
            "STRIPE_API_BASE=http://127.0.0.1:9"
        })
@ExtendWith(OutputCaptureExtension.class)
class WarmUpIntegrationTests {

    @Autowired
    private WarmUp warmUp;

    @Autowired
    private ReadinessWatch readiness;

    @Autowired
    private ApplicationAvailability availability;

    @Autowired
    private MeterRegistry meters;

    @Test
    void warmsUpEveryShapeOfRequestBeforeTurningReady(CapturedOutput output) {
        WarmUpLoad.Result run = this.warmUp.lastRun();
        assertThat(run).isNotNull();
        // Every request shape several times, and not one failure: the loopback stand-in answered every Stripe call.
        assertThat(run.requests()).isEqualTo(48);
        assertThat(run.failed()).as(run.firstFailure()).isZero();
        assertThat(this.readiness.warmedUpBeforeReady).isTrue();
        assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        WarmUpLoad.Result settled = this.warmUp.lastSettle();
        assertThat(settled).isNotNull();
        assertThat(settled.requests()).isPositive();
        assertThat(settled.failed()).as(settled.firstFailure()).isZero();
        assertThat(output)
                .contains("Warm-up: " + settled.requests() + " more requests, two at a time")
                .contains("Warm-up: " + (run.requests() + settled.requests()) + " requests in");
    }

    @Test
    void leavesNothingInTheAuditLogOrTheMetrics(CapturedOutput output) {
        assertThat(this.warmUp.lastRun()).isNotNull();
        // The copy's audit lines were rendered (so that code is compiled too), and none reached the output.
        assertThat(this.warmUp.discardedAuditBytes()).isGreaterThan(40 * "outcome=issued client=warm-up".length());
        assertThat(output).doesNotContain("outcome=issued", "warm_up", "sk_test_warmUp");
        assertThat(this.meters.find("connection.token.requests").counters()).isEmpty();
        assertThat(this.meters.find("stripe.requests").timers()).isEmpty();
    }

    @TestConfiguration
    static class Watch {

        @Bean
        ReadinessWatch readinessWatch(WarmUp warmUp) {
            return new ReadinessWatch(warmUp);
        }
    }

    /** Notes whether the warm-up had finished when readiness turned to accepting traffic. */
    static class ReadinessWatch {

        private final WarmUp warmUp;

        private volatile boolean warmedUpBeforeReady;

        private final AtomicBoolean seen = new AtomicBoolean();

        ReadinessWatch(WarmUp warmUp) {
            this.warmUp = warmUp;
        }

        @EventListener
        void on(AvailabilityChangeEvent<ReadinessState> event) {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && this.seen.compareAndSet(false, true)) {
                this.warmedUpBeforeReady = this.warmUp.lastRun() != null;
            }
        }
    }
}
