package dev.connectiontoken.stripe;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Turns to call Stripe, per account (null: the platform), so that the calls stay under Stripe's own rate limit. */
public interface StripeBudget {

    /** Waits for a turn to call Stripe for {@code account}, as long as the budget allows. */
    Turn take(@Nullable String account);

    /** Stripe answered 429 for {@code account}: the budget shrinks. Returns when it will have a turn. */
    Duration throttled(@Nullable String account);

    /** A turn: whether the call may go, how long it waited, or when to come back. */
    record Turn(boolean isGranted, Duration waited, Duration retryAfter) {

        /** A call that needs no turn: the budget is off. */
        public static final Turn FREE = granted(Duration.ZERO);

        public static Turn granted(Duration waited) {
            return new Turn(true, waited, Duration.ZERO);
        }

        public static Turn refused(Duration retryAfter) {
            return new Turn(false, Duration.ZERO, retryAfter);
        }
    }
}
