package dev.connectiontoken.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** A Bucket4j clock that moves only when told; as a blocking strategy, waiting moves it. */
final class ManualClock implements TimeMeter, io.github.bucket4j.BlockingStrategy {

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

    @Override
    public void park(long nanosToPark) {
        this.nanos += nanosToPark;
    }
}
