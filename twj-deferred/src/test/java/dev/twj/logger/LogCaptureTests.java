package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link CapturedLogs}. Port of {@code twisted.logger.test.test_capture.LogCaptureTests}. */
class LogCaptureTests {
    private final Logger log = new Logger();

    /** Events logged within context are captured. */
    @Test
    public void test_capture() {
        Object foo = new Object();

        List<Map<String, Object>> captured;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            log.debug("Capture this, please", "foo", foo);
            log.info("Capture this too, please", "foo", foo);
            captured = logs.events();
        }

        assertTrue(captured.size() == 2);
        assertEquals("Capture this, please", captured.get(0).get("log_format"));
        assertEquals(LogLevel.debug, captured.get(0).get("log_level"));
        assertSame(foo, captured.get(0).get("foo"));
        assertEquals("Capture this too, please", captured.get(1).get("log_format"));
        assertEquals(LogLevel.info, captured.get(1).get("log_level"));
        assertSame(foo, captured.get(1).get("foo"));
    }
}
