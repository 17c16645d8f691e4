package dev.twj.logger;

import static dev.twj.logger.FormattingTests.event;
import static dev.twj.logger.FormattingTests.evil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link Format#eventAsText}, all of which ensure that the returned type is text.
 * Port of {@code twisted.logger.test.test_format.EventAsTextTests}.
 */
class EventAsTextTests {

    /** A captured error for use in format tests. */
    static final class CapturedError extends Exception {
        private static final long serialVersionUID = 1L;

        CapturedError(String message) {
            super(message);
        }
    }

    private static Failure capturedFailure(String message) {
        try {
            throw new CapturedError(message);
        } catch (CapturedError e) {
            return new Failure(e);
        }
    }

    /** An event with a {@code log_failure} key will have a traceback appended. */
    @Test
    public void test_eventWithTraceback() {
        Failure f = capturedFailure("This is a fake error");
        Map<String, Object> event = event("log_format", "This is a test log message");
        event.put("log_failure", f);
        String eventText = Format.eventAsText(event, true, true, false);
        assertTrue(eventText.contains(f.getTraceback()), eventText);
        assertTrue(eventText.contains("This is a test log message"), eventText);
    }

    /** An event with an empty {@code log_format} key appends a traceback from the failure. */
    @Test
    public void test_formatEmptyEventWithTraceback() {
        Failure f = capturedFailure("This is a fake error");
        Map<String, Object> event = event("log_format", "");
        event.put("log_failure", f);
        String eventText = Format.eventAsText(event, true, true, false);
        assertTrue(eventText.contains(f.getTraceback()), eventText);
        assertTrue(eventText.contains("This is a fake error"), eventText);
    }

    /** An event with an unformattable value in the format still has a traceback appended. */
    @Test
    public void test_formatUnformattableWithTraceback() {
        Failure f = capturedFailure("This is a fake error");
        Map<String, Object> event = event("log_format", "{evil()}", "evil", evil());
        event.put("log_failure", f);
        String eventText = Format.eventAsText(event, true, true, false);
        assertTrue(eventText.contains(f.getTraceback()), eventText);
        assertTrue(eventText.contains("This is a fake error"), eventText);
    }

    /**
     * An event with an unformattable value in the format, that throws an exception when its
     * string is asked for, still has a traceback appended. (Twisted puts the unformattable
     * object in a key; Java event keys are Strings, so it is a value here.)
     */
    @Test
    public void test_formatUnformattableErrorWithTraceback() {
        Failure f = capturedFailure("This is a fake error");
        Map<String, Object> event = event("log_format", "{evil()}", "evil", evil(),
                "gurk", new FormattingTests.Unformattable());
        event.put("log_failure", f);
        String eventText = Format.eventAsText(event, true, true, false);
        assertTrue(eventText.contains("MESSAGE LOST"), eventText);
        assertTrue(eventText.contains(f.getTraceback()), eventText);
        assertTrue(eventText.contains("This is a fake error"), eventText);
    }

    /** If a traceback cannot be appended, a message indicating this is true is appended. */
    @Test
    public void test_formatEventUnformattableTraceback() {
        Map<String, Object> event = event("log_format", "");
        event.put("log_failure", new Object());
        String eventText = Format.eventAsText(event, true, true, false);
        assertTrue(eventText.contains("(UNABLE TO OBTAIN TRACEBACK FROM EVENT)"), eventText);
    }

    /** An event with no {@code log_failure} key will not have a traceback appended. */
    @Test
    public void test_formatEventNonCritical() {
        Map<String, Object> event = event("log_format", "This is a test log message");
        String eventText = Format.eventAsText(event, true, true, false);
        assertTrue(eventText.contains("This is a test log message"), eventText);
        assertTrue(!eventText.contains("\n"), eventText);
    }

    /**
     * An exception message with multibyte characters is properly handled. (Twisted looks for the
     * word "Traceback"; a Java traceback starts with the exception and lists "\tat" frames.)
     */
    @Test
    public void test_formatTracebackMultibyte() {
        Failure f = capturedFailure("\u20ac");
        Map<String, Object> event = event("log_format", "This is a test log message");
        event.put("log_failure", f);
        String eventText = Format.eventAsText(event, true, true, false);
        assertTrue(eventText.contains("\u20ac"), eventText);
        assertTrue(eventText.contains(CapturedError.class.getName() + ": \u20ac\n\tat "), eventText);
    }

    private static Map<String, Object> abcdEvent(Object... more) {
        Map<String, Object> event = event("log_format", "ABCD",
                "log_time", TimeFormattingTests.mktime(2013, 9, 24, 11, 40, 47));
        event.putAll(event(more));
        event.put("log_failure", capturedFailure("This is a fake error"));
        return event;
    }

    /** If includeSystem is specified as the only option no timestamp or traceback are printed. */
    @Test
    public void test_eventAsTextSystemOnly() {
        Map<String, Object> event = abcdEvent("log_system", "fake_system");
        assertEquals("[fake_system] ABCD", Format.eventAsText(event, false, false, true));
    }

    /** If includeTimestamp is specified as the only option no system or traceback are printed. */
    @Test
    public void test_eventAsTextTimestampOnly() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeFormattingTests.setTZ("UTC");
            Map<String, Object> event = abcdEvent("log_system", "fake_system");
            assertEquals("2013-09-24T11:40:47+0000 ABCD",
                    Format.eventAsText(event, false, true, false));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    /** If includeSystem is specified with a missing system [-#-] is used. */
    @Test
    public void test_eventAsTextSystemMissing() {
        Map<String, Object> event = abcdEvent();
        assertEquals("[-#-] ABCD", Format.eventAsText(event, false, false, true));
    }

    /**
     * If includeSystem is specified with a missing system but namespace and level are present
     * they are used.
     */
    @Test
    public void test_eventAsTextSystemMissingNamespaceAndLevel() {
        Map<String, Object> event = abcdEvent("log_level", LogLevel.info, "log_namespace", "test");
        assertEquals("[test#info] ABCD", Format.eventAsText(event, false, false, true));
    }

    /** If includeSystem is specified with a missing system but level is present, it is included. */
    @Test
    public void test_eventAsTextSystemMissingLevelOnly() {
        Map<String, Object> event = abcdEvent("log_level", LogLevel.info);
        assertEquals("[-#info] ABCD", Format.eventAsText(event, false, false, true));
    }

    private static String getText(String logFormat, Object... keysAndValues) {
        Map<String, Object> event = event(keysAndValues);
        event.put("log_format", logFormat);
        return Format.eventAsText(event, false, false, false);
    }

    /** eventAsText can handle formats that have classes or types as input. */
    @Test
    public void test_eventAsTextTypeAsInput() {
        assertEquals(String.valueOf(Integer.class), getText("{c}", "c", Integer.class));
        assertEquals(String.valueOf(RuntimeException.class),
                getText("{c}", "c", RuntimeException.class));
        assertEquals("String", getText("{c.simpleName}", "c", String.class));
    }
}
