package dev.connectiontoken.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The compilers count as idle once their compilation time has stopped growing for a whole window. */
class CompilersTests {

    @Test
    void busyCompilersAreNotIdle() throws InterruptedException {
        AtomicLong millis = new AtomicLong();
        // Every sample adds 50 ms of compilation: more than a tenth of any window.
        Compilers compilers = new Compilers(() -> millis.addAndGet(50));

        assertThat(compilers.awaitIdle(Duration.ofMillis(100), Duration.ofMillis(400)))
                .isFalse();
    }

    @Test
    void compilersThatStopAreIdleAfterAWindow() throws InterruptedException {
        long stopsAt = System.nanoTime() + Duration.ofMillis(200).toNanos();
        AtomicLong millis = new AtomicLong();
        Compilers compilers = new Compilers(() -> (System.nanoTime() < stopsAt) ? millis.addAndGet(50) : millis.get());

        long started = System.nanoTime();
        assertThat(compilers.awaitIdle(Duration.ofMillis(100), Duration.ofSeconds(10)))
                .isTrue();
        // Not before the compilation stopped plus a window.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void thisJvmReportsItsCompilers() {
        assertThat(Compilers.ofThisJvm()).isNotNull();
    }
}
