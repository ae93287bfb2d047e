package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bucket maths on a clock moved by hand: a burst, then a steady refill. */
class LocalBucketStoreTests {

    private final ManualClock clock = new ManualClock();

    private final RateLimitProperties properties = new RateLimitProperties(
            true, 3, 60, RateLimitProperties.Store.MEMORY, RateLimitProperties.FailureMode.OPEN);

    private final LocalBucketStore store = new LocalBucketStore(Duration.ofMinutes(1), this.clock);

    @Test
    void burstIsServedThenRefused() {
        IntStream.range(0, 3)
                .forEach((i) -> assertThat(tryConsume("key:a").isConsumed()).isTrue());

        ConsumptionProbe refused = tryConsume("key:a");

        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void oneTokenComesBackPerSecondAtSixtyAMinute() {
        IntStream.range(0, 3).forEach((i) -> tryConsume("key:a"));

        this.clock.advance(Duration.ofMillis(999));
        boolean early = tryConsume("key:a").isConsumed();
        this.clock.advance(Duration.ofMillis(1));
        boolean onTime = tryConsume("key:a").isConsumed();

        assertThat(early).isFalse();
        assertThat(onTime).isTrue();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        IntStream.range(0, 3).forEach((i) -> tryConsume("key:a"));

        assertThat(tryConsume("jwt:a").isConsumed()).isTrue();
        assertThat(tryConsume("key:a").getRemainingTokens()).isZero();
    }

    private ConsumptionProbe tryConsume(String key) {
        return this.store.bucket(key, this.properties::bucket).tryConsumeAndReturnRemaining(1);
    }
}
