package dev.connectiontoken.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.connectiontoken.stripe.StripeBudget;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The budget's pacing, queueing and Retry-After on a clock moved by hand: no test here waits for real time. */
class BucketStripeBudgetTests {

    private static final StripeBudgetProperties TWENTY = new StripeBudgetProperties(20, Duration.ofSeconds(2));

    private final ManualClock clock = new ManualClock();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Callers who arrive together: a granted turn does not move the clock, so the next one queues behind it. */
    private final BucketStripeBudget together = budget(TWENTY, (nanos) -> {});

    /** One caller after another: each waits for its turn, which moves the clock. */
    private final BucketStripeBudget oneByOne = budget(TWENTY, this.clock);

    @Test
    void callersArrivingTogetherQueueFirstComeFirstServedUpToMaxWait() {
        // One turn now, then one every 50 ms: 40 more fall within the 2 s a caller may wait, the 41st does not.
        List<StripeBudget.Turn> turns =
                IntStream.range(0, 41).mapToObj((i) -> this.together.take(null)).toList();

        StripeBudget.Turn late = this.together.take(null);

        assertThat(turns).allMatch(StripeBudget.Turn::isGranted);
        assertThat(late.isGranted()).isFalse();
        // 41 turns are taken from now on, so the next free one is 41 x 50 ms away.
        assertThat(late.retryAfter()).isEqualTo(Duration.ofMillis(2050));
        assertThat(rejections("platform")).isEqualTo(1.0);
    }

    @Test
    void aCallerWhoHonorsRetryAfterGetsATurn() {
        IntStream.range(0, 41).forEach((i) -> this.together.take(null));
        StripeBudget.Turn late = this.together.take(null);

        this.clock.advance(late.retryAfter());

        assertThat(this.together.take(null).isGranted()).isTrue();
    }

    @Test
    void callsArePacedOneEveryFiftyMillisecondsAndTheWaitIsMeasured() {
        StripeBudget.Turn first = this.oneByOne.take(null);
        StripeBudget.Turn second = this.oneByOne.take(null);
        StripeBudget.Turn third = this.oneByOne.take(null);

        assertThat(first.waited()).isZero();
        assertThat(second.waited()).isEqualTo(Duration.ofMillis(50));
        assertThat(third.waited()).isEqualTo(Duration.ofMillis(50));
        assertThat(this.clock.currentTimeNanos())
                .isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(this.meters
                        .get("connection.token.stripe.budget.waits")
                        .tag("budget", "platform")
                        .timer()
                        .count())
                .isEqualTo(3);
    }

    @Test
    void aConnectedAccountsBudgetIsSeparateFromThePlatforms() {
        IntStream.range(0, 41).forEach((i) -> this.together.take(null));

        assertThat(this.together.take(null).isGranted()).isFalse();
        assertThat(this.together.take("acct_1Connected").isGranted()).isTrue();
        assertThat(this.together.take("acct_2Connected").isGranted()).isTrue();
        assertThat(rejections("connected")).isZero();
    }

    @Test
    void aStripe429HalvesTheRateWhichRecoversByATenthEachSecond() {
        Duration retryAfter = this.oneByOne.throttled(null);

        assertThat(rate("platform")).isEqualTo(10.0);
        assertThat(retryAfter).isEqualTo(Duration.ofSeconds(1));
        // At 10 per second, turns are 100 ms apart.
        this.oneByOne.take(null);
        assertThat(this.oneByOne.take(null).waited()).isEqualTo(Duration.ofMillis(100));

        List<Double> rates = IntStream.range(0, 6)
                .mapToObj((second) -> {
                    this.clock.advance(Duration.ofSeconds(1));
                    this.oneByOne.take(null);
                    return rate("platform");
                })
                .toList();

        assertThat(rates).containsExactly(12.0, 14.0, 16.0, 18.0, 20.0, 20.0);
        // Back at 20 per second: turns 50 ms apart again.
        assertThat(this.oneByOne.take(null).waited()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aReplicaThatStartsSetsItsRateOnTheSharedBucket() {
        LocalBucketStore shared = new LocalBucketStore(Duration.ofMinutes(1), this.clock);
        BucketStripeBudget shrunk = new BucketStripeBudget(shared, TWENTY, "test", this.meters, this.clock, this.clock);
        shrunk.throttled(null);
        // A replica that starts after the one that shrank the shared bucket went away.
        BucketStripeBudget started =
                new BucketStripeBudget(shared, TWENTY, "test", new SimpleMeterRegistry(), this.clock, this.clock);

        started.take(null);

        assertThat(started.take(null).waited()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aShrinkLeftByAReplicaThatWentAwayLastsAtMostTenSeconds() {
        LocalBucketStore shared = new LocalBucketStore(Duration.ofMinutes(1), this.clock);
        BucketStripeBudget stays =
                new BucketStripeBudget(shared, TWENTY, "test", new SimpleMeterRegistry(), this.clock, this.clock);
        stays.take(null);
        BucketStripeBudget goesAway =
                new BucketStripeBudget(shared, TWENTY, "test", new SimpleMeterRegistry(), this.clock, this.clock);
        goesAway.throttled(null);
        goesAway.throttled(null);

        // At 5 per second, turns are 200 ms apart, until the remaining replica sets its rate again.
        stays.take(null);
        assertThat(stays.take(null).waited()).isEqualTo(Duration.ofMillis(200));
        this.clock.advance(Duration.ofSeconds(10));
        stays.take(null);
        assertThat(stays.take(null).waited()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void repeated429sNeverTakeTheRateBelowOnePerSecond() {
        this.oneByOne.take(null);
        IntStream.range(0, 10).forEach((i) -> this.oneByOne.throttled("acct_1Connected"));

        assertThat(rate("acct_1Connected")).isEqualTo(1.0);
        assertThat(rate("platform")).isEqualTo(20.0);
    }

    @Test
    void zeroTurnsTheBudgetOff() {
        BucketStripeBudget off = budget(new StripeBudgetProperties(0, Duration.ofSeconds(2)), (nanos) -> {});

        assertThat(IntStream.range(0, 1000).mapToObj((i) -> off.take(null))).allMatch(StripeBudget.Turn::isGranted);
        assertThat(this.meters.find("connection.token.stripe.budget.rate").gauge())
                .isNull();
    }

    @Test
    void aFailedStorePacesThisReplicaAlone() {
        Bucket down = mock(Bucket.class, (invocation) -> {
            throw new IllegalStateException("Redis is down");
        });
        BucketStripeBudget broken = new BucketStripeBudget(
                (key, configuration) -> down, TWENTY, "test", this.meters, this.clock, this.clock);

        assertThat(broken.take(null).waited()).isZero();
        assertThat(broken.take(null).waited()).isEqualTo(Duration.ofMillis(50));
        assertThat(broken.throttled(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(broken.take(null).waited()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aStoreThatCannotSayWhenRefusesWithTheLongestWait() throws Exception {
        Bucket spent = mock(Bucket.class);
        BlockingBucket blocking = mock(BlockingBucket.class);
        given(spent.asBlocking()).willReturn(blocking);
        given(blocking.tryConsume(anyLong(), any(Duration.class), any())).willReturn(false);
        given(spent.estimateAbilityToConsume(1)).willThrow(new IllegalStateException("Redis is down"));
        BucketStripeBudget budget = new BucketStripeBudget(
                (key, configuration) -> spent, TWENTY, "test", this.meters, this.clock, this.clock);

        StripeBudget.Turn refused = budget.take(null);

        assertThat(refused.isGranted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void maxWaitMustBePositive() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(WithProperties.class)
                .withPropertyValues("connection-token.stripe.budget.max-wait=0s")
                .run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("maxWait"));
    }

    @EnableConfigurationProperties(StripeBudgetProperties.class)
    static class WithProperties {}

    private BucketStripeBudget budget(StripeBudgetProperties properties, BlockingStrategy blocking) {
        return new BucketStripeBudget(
                new LocalBucketStore(Duration.ofMinutes(1), this.clock),
                properties,
                "test",
                this.meters,
                this.clock,
                blocking);
    }

    private double rate(String account) {
        return this.meters
                .get("connection.token.stripe.budget.rate")
                .tag("account", account)
                .gauge()
                .value();
    }

    private double rejections(String budget) {
        Counter rejections = this.meters
                .find("connection.token.stripe.budget.rejections")
                .tag("budget", budget)
                .counter();
        return (rejections != null) ? rejections.count() : 0;
    }
}
