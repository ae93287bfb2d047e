package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bucket maths on a clock moved by hand: a burst, then a steady refill. */
class LocalRateLimiterTests {

    private final ManualClock clock = new ManualClock();

    private final LocalRateLimiter limiter = new LocalRateLimiter(
            new RateLimitProperties(
                    true, 3, 60, RateLimitProperties.Store.MEMORY, RateLimitProperties.FailureMode.OPEN),
            this.clock);

    @Test
    void burstIsServedThenRefused() {
        IntStream.range(0, 3)
                .forEach((i) -> assertThat(this.limiter.tryConsume("key:a").isConsumed())
                        .isTrue());

        ConsumptionProbe refused = this.limiter.tryConsume("key:a");

        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void oneTokenComesBackPerSecondAtSixtyAMinute() {
        IntStream.range(0, 3).forEach((i) -> this.limiter.tryConsume("key:a"));

        this.clock.advance(Duration.ofMillis(999));
        boolean early = this.limiter.tryConsume("key:a").isConsumed();
        this.clock.advance(Duration.ofMillis(1));
        boolean onTime = this.limiter.tryConsume("key:a").isConsumed();

        assertThat(early).isFalse();
        assertThat(onTime).isTrue();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        IntStream.range(0, 3).forEach((i) -> this.limiter.tryConsume("key:a"));

        assertThat(this.limiter.tryConsume("jwt:a").isConsumed()).isTrue();
        assertThat(this.limiter.tryConsume("key:a").getRemainingTokens()).isZero();
    }

    /** A Bucket4j clock that moves only when told. */
    private static final class ManualClock implements TimeMeter {

        private long nanos;

        void advance(Duration duration) {
            this.nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return this.nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
