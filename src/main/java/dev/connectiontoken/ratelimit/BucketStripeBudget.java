package dev.connectiontoken.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.connectiontoken.stripe.StripeBudget;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the calls to Stripe under each account's own rate limit: at most {@code per-second} calls per second for the
 * platform account and for each connected account, in buckets shared by every replica when the rate-limit store is
 * Redis. A caller who finds the budget spent takes the next free turn (Bucket4j reserves it, first come first served)
 * if it comes within {@code max-wait}. A Stripe 429 halves the account's rate, which then recovers by a tenth of the
 * budget each second.
 */
public class BucketStripeBudget implements StripeBudget {

    private static final Logger log = LoggerFactory.getLogger(BucketStripeBudget.class);
    private static final long SECOND = 1_000_000_000L;

    private final BucketStore store;
    private final StripeBudgetProperties properties;
    private final String mode;
    private final TimeMeter clock;
    private final BlockingStrategy blocking;
    private final MeterRegistry meters;
    private final LocalBucketStore fallback;
    // Forgotten after an idle while, with their gauges, so that JWT-named accounts cannot grow it without end.
    private final Cache<String, Account> accounts;

    // Tests pass a clock they move by hand, and a blocking strategy that moves it.
    BucketStripeBudget(
            BucketStore store,
            StripeBudgetProperties properties,
            String mode,
            MeterRegistry meters,
            TimeMeter clock,
            BlockingStrategy blocking) {
        this.store = store;
        this.properties = properties;
        this.mode = mode;
        this.meters = meters;
        this.clock = clock;
        this.blocking = blocking;
        this.fallback = new LocalBucketStore(Duration.ofMinutes(1), clock);
        this.accounts = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .<String, Account>removalListener((name, account, cause) -> meters.remove(account.gauge))
                .build();
    }

    @Override
    public Turn take(@Nullable String account) {
        if (this.properties.perSecond() == 0) {
            return Turn.FREE;
        }
        Account budget = account(account);
        try {
            return take(budget, budget.shared());
        } catch (RuntimeException ex) {
            // The shared store failed or is slow: pace this replica alone rather than not at all.
            log.warn("Stripe budget store failed, pacing in this replica alone: {}", ex.toString());
            return take(budget, budget.local());
        }
    }

    private Turn take(Account budget, Bucket bucket) {
        long start = this.clock.currentTimeNanos();
        budget.recover(start, bucket);
        try {
            if (bucket.asBlocking().tryConsume(1, this.properties.maxWait(), this.blocking)) {
                Duration waited = Duration.ofNanos(this.clock.currentTimeNanos() - start);
                this.meters
                        .timer("connection.token.stripe.budget.waits", "budget", budget.kind)
                        .record(waited);
                return Turn.granted(waited);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Turn.refused(Duration.ofSeconds(1));
        }
        this.meters
                .counter("connection.token.stripe.budget.rejections", "budget", budget.kind)
                .increment();
        return Turn.refused(nextTurn(bucket));
    }

    @Override
    public Duration throttled(@Nullable String account) {
        if (this.properties.perSecond() == 0) {
            return Duration.ofSeconds(1);
        }
        Account budget = account(account);
        try {
            return nextTurn(budget.halve(this.clock.currentTimeNanos(), budget.shared()));
        } catch (RuntimeException ex) {
            log.warn("Stripe budget store failed, shrinking this replica's own pace: {}", ex.toString());
            return nextTurn(budget.apply(budget.local()));
        }
    }

    /** When the bucket has a turn again, at least a second; the longest wait when the store cannot say. */
    private Duration nextTurn(Bucket bucket) {
        try {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            return Duration.ofNanos(Math.max(SECOND, nanos));
        } catch (RuntimeException ex) {
            return this.properties.maxWait().plusSeconds(1);
        }
    }

    private Account account(@Nullable String account) {
        return this.accounts.get((account != null) ? account : "platform", Account::new);
    }

    /** One account's rate as this replica sees it: the configured rate, or less after a 429. */
    private final class Account {

        private final String name;
        private final String kind;
        private final Gauge gauge;
        private volatile long rate = BucketStripeBudget.this.properties.perSecond();
        private long changedAt;
        private boolean applied; // whether this replica has set its rate on the shared bucket yet
        private @Nullable Bucket shared;
        private @Nullable Bucket local;

        Account(String name) {
            this.name = name;
            this.kind = name.equals("platform") ? "platform" : "connected";
            this.gauge = Gauge.builder("connection.token.stripe.budget.rate", this, (self) -> self.rate)
                    .tag("account", name)
                    .register(BucketStripeBudget.this.meters);
        }

        /** One bucket object per account, so that Bucket4j batches the concurrent calls of this replica. */
        synchronized Bucket shared() {
            if (this.shared == null) {
                String key = "stripe-budget:" + BucketStripeBudget.this.mode + ":" + this.name;
                this.shared = BucketStripeBudget.this.store.bucket(key, this::configuration);
            }
            return this.shared;
        }

        synchronized Bucket local() {
            if (this.local == null) {
                this.local = BucketStripeBudget.this.fallback.bucket(this.name, this::configuration);
            }
            return this.local;
        }

        /** Evenly spaced turns, one every 1/rate seconds and never two at once. */
        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit((limit) -> limit.capacity(1).refillGreedy(this.rate, Duration.ofSeconds(1)))
                    .build();
        }

        /** Halves the rate and sets it on the bucket, in one step that a recovery cannot come between. */
        synchronized Bucket halve(long now, Bucket bucket) {
            this.rate = Math.max(1, this.rate / 2);
            this.changedAt = now;
            this.applied = true;
            return apply(bucket);
        }

        synchronized Bucket apply(Bucket bucket) {
            bucket.replaceConfiguration(configuration(), TokensInheritanceStrategy.AS_IS);
            return bucket;
        }

        /**
         * Grows the rate a second after a change. At the full rate, sets it on the shared bucket when this replica
         * starts and every 10 s after: a shrink whose replica went away before bringing it back lasts no longer.
         */
        synchronized void recover(long now, Bucket bucket) {
            long full = BucketStripeBudget.this.properties.perSecond();
            long since = now - this.changedAt;
            if (this.applied && ((this.rate < full && since < SECOND) || (this.rate >= full && since < 10 * SECOND))) {
                return;
            }
            this.rate = this.applied ? Math.min(full, this.rate + Math.max(1, full / 10)) : this.rate;
            this.changedAt = now;
            this.applied = true;
            apply(bucket);
        }
    }
}
