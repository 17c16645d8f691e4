package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Format;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for utility functions.
 *
 * <p>Port of {@code twisted.test.test_defer.UtilTests}. trial's {@code flushLoggedErrors} is
 * played by a {@link CapturedLogs} on the global publisher: the failures it returns are those of
 * the captured events that carry a {@code log_failure} of the given type.
 */
class UtilTests {
    /**
     * Reports now the unhandled failures of Deferreds that earlier tests dropped, so that the
     * daemon reporter does not log them into these tests' captures.
     */
    @BeforeEach
    void setUp() {
        Defer.collectUnhandledErrors();
    }

    /** The failures of the captured events that carry one of type {@code type}. */
    static List<Failure> loggedErrors(CapturedLogs logs, Class<? extends Throwable> type) {
        List<Failure> failures = new ArrayList<>();
        for (Map<String, Object> event : logs.events()) {
            if (event.get("log_failure") instanceof Failure f && f.check(type) != null) {
                failures.add(f);
            }
        }
        return failures;
    }

    /** {@link Defer#logError} returns the given error. */
    @Test
    public void test_logErrorReturnsError() {
        Failure error = new Failure(new RuntimeException());
        Failure result;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            result = Defer.logError(error);
            assertEquals(1, loggedErrors(logs, RuntimeException.class).size());
        }

        assertSame(error, result);
    }

    /** {@link Defer#logError} logs the given error. */
    @Test
    public void test_logErrorLogsError() {
        Failure error = new Failure(new RuntimeException());
        List<Failure> errors;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            Defer.logError(error);
            errors = loggedErrors(logs, RuntimeException.class);
        }

        assertEquals(List.of(error), errors);
    }

    /**
     * The text logged by {@link Defer#logError} has no repr of the failure.
     *
     * <p>Twisted renders the event with the legacy {@code log.textFromEventDict}, whose text for a
     * failure event without a message is {@code "Unhandled Error\nTraceback ..."}. twj has no
     * legacy log module; its renderer, {@link Format#eventAsText}, gives the traceback alone (a
     * Java stack trace, which starts with the exception's class). The assertion keeps Twisted's
     * point: the text starts with the traceback, not with the failure's {@code toString()}.
     */
    @Test
    public void test_logErrorLogsErrorNoRepr() {
        List<String> output = new ArrayList<>();
        Failure error = new Failure(new RuntimeException());
        try (CapturedLogs logs = CapturedLogs.capture()) {
            Defer.logError(error);
            for (Map<String, Object> event : logs.events()) {
                if (event.get("log_failure") == error) {
                    output.add(Format.eventAsText(event, true, false, false).strip());
                }
            }
            assertEquals(1, loggedErrors(logs, RuntimeException.class).size());
        }

        assertTrue(output.get(0).startsWith("java.lang.RuntimeException\n\tat "), output.get(0));
        assertFalse(output.get(0).contains(error.toString()), output.get(0));
    }
}
