package dev.connectiontoken.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Whether the JIT compilers are busy, from the time they have spent compiling ({@link CompilationMXBean}, on every JDK
 * from 17 on): idle when that time has grown by less than a tenth of a window over the last window.
 */
final class Compilers {

    private final LongSupplier compilationMillis;

    Compilers(LongSupplier compilationMillis) {
        this.compilationMillis = compilationMillis;
    }

    /** This JVM's compilers, or {@code null} if it does not report their time. */
    static @Nullable Compilers ofThisJvm() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        if (bean == null || !bean.isCompilationTimeMonitoringSupported()) {
            return null;
        }
        return new Compilers(bean::getTotalCompilationTime);
    }

    /**
     * Waits until the compilers have been idle for {@code window}, or {@code max} has passed.
     *
     * @return whether they went idle
     */
    boolean awaitIdle(Duration window, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long windowNanos = window.toNanos();
        long step = Math.max(10, window.toMillis() / 5);
        List<long[]> samples = new ArrayList<>();
        while (true) {
            long now = System.nanoTime();
            samples.add(new long[] {now, this.compilationMillis.getAsLong()});
            // Drop what a window no longer needs: the oldest sample kept is the newest one that is a window old.
            while (samples.size() > 1 && now - samples.get(1)[0] >= windowNanos) {
                samples.remove(0);
            }
            long[] first = samples.get(0);
            if (now - first[0] >= windowNanos
                    && (samples.get(samples.size() - 1)[1] - first[1]) * 10 < window.toMillis()) {
                return true;
            }
            if (now >= deadline) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(step, (deadline - now) / 1_000_000)));
        }
    }
}
