package dev.connectiontoken;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine beyond a JDK. Missing, the test is skipped with a message naming what is missing;
 * with {@code -Dtests.strict=true} (CI sets it) it fails instead, so CI always runs the whole suite.
 */
public final class TestEnvironment {

    /** The system property that turns a skip into a failure. */
    public static final String STRICT = "tests.strict";

    private TestEnvironment() {}

    /** Skips (or, strict, fails) the calling test or class when {@code available} is false. */
    public static void require(boolean available, String missing) {
        if (available) {
            return;
        }
        if (Boolean.getBoolean(STRICT)) {
            Assertions.fail(missing + " (-D" + STRICT + "=true turns this skip into a failure)");
        }
        Assumptions.abort("Skipped: " + missing);
    }
}
