package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Tests for {@link LogLevel}. Port of {@code twisted.logger.test.test_levels.LogLevelTests}. */
class LogLevelTests {

    /** Look up log level by name. */
    @Test
    public void test_levelWithName() {
        for (LogLevel level : LogLevel.values()) {
            assertSame(level, LogLevel.levelWithName(level.name()));
        }
    }

    /** You can't make up log level names. */
    @Test
    public void test_levelWithInvalidName() {
        String bogus = "*bogus*";
        try {
            LogLevel.levelWithName(bogus);
        } catch (InvalidLogLevelError e) {
            assertSame(bogus, e.level());
            return;
        }
        fail("Expected InvalidLogLevelError.");
    }
}
