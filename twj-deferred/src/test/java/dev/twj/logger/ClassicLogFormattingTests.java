package dev.twj.logger;

import static dev.twj.logger.FormattingTests.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Tests for classic text log event formatting functions. Port of
 * {@code twisted.logger.test.test_format.ClassicLogFormattingTests}.
 */
class ClassicLogFormattingTests {

    /**
     * Time is first field. Default time stamp format is RFC 3339 and offset respects the default
     * time zone.
     */
    @Test
    public void test_formatTimeDefault() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeFormattingTests.setTZ("UTC");
            double t = TimeFormattingTests.mktime(2013, 9, 24, 11, 40, 47);
            Map<String, Object> event = event("log_format", "XYZZY", "log_time", t);
            assertEquals("2013-09-24T11:40:47+0000 [-#-] XYZZY\n",
                    Format.formatEventAsClassicLogText(event));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    /** Time is first field. Custom formatting function is an optional argument. */
    @Test
    public void test_formatTimeCustom() {
        Map<String, Object> event = event("log_format", "XYZZY", "log_time", 12345.0);
        assertEquals("__12345.0__ [-#-] XYZZY\n",
                Format.formatEventAsClassicLogText(event, t -> "__" + t + "__"));
    }

    /** Namespace is first part of second field. */
    @Test
    public void test_formatNamespace() {
        Map<String, Object> event = event("log_format", "XYZZY", "log_namespace", "my.namespace");
        assertEquals("- [my.namespace#-] XYZZY\n", Format.formatEventAsClassicLogText(event));
    }

    /** Level is second part of second field. */
    @Test
    public void test_formatLevel() {
        Map<String, Object> event = event("log_format", "XYZZY", "log_level", LogLevel.warn);
        assertEquals("- [-#warn] XYZZY\n", Format.formatEventAsClassicLogText(event));
    }

    /** System is second field. */
    @Test
    public void test_formatSystem() {
        Map<String, Object> event = event("log_format", "XYZZY", "log_system", "S.Y.S.T.E.M.");
        assertEquals("- [S.Y.S.T.E.M.] XYZZY\n", Format.formatEventAsClassicLogText(event));
    }

    /** System is not supplanted by namespace and level. */
    @Test
    public void test_formatSystemRulz() {
        Map<String, Object> event = event("log_format", "XYZZY",
                "log_namespace", "my.namespace",
                "log_level", LogLevel.warn,
                "log_system", "S.Y.S.T.E.M.");
        assertEquals("- [S.Y.S.T.E.M.] XYZZY\n", Format.formatEventAsClassicLogText(event));
    }

    /** An unformattable system is shown as UNFORMATTABLE. */
    @Test
    public void test_formatSystemUnformattable() {
        Map<String, Object> event = event(
                "log_format", "XYZZY", "log_system", new FormattingTests.Unformattable());
        assertEquals("- [UNFORMATTABLE] XYZZY\n", Format.formatEventAsClassicLogText(event));
    }

    /** Formatted event is last field. */
    @Test
    public void test_formatFormat() {
        Map<String, Object> event = event("log_format", "id:{id}", "id", "123");
        assertEquals("- [-#-] id:123\n", Format.formatEventAsClassicLogText(event));
    }

    /** No format string. */
    @Test
    public void test_formatNoFormat() {
        Map<String, Object> event = event("id", "123");
        assertNull(Format.formatEventAsClassicLogText(event));
    }

    /** Empty format string. */
    @Test
    public void test_formatEmptyFormat() {
        Map<String, Object> event = event("log_format", "", "id", "123");
        assertNull(Format.formatEventAsClassicLogText(event));
    }

    /** If the formatted event has newlines, indent additional lines. */
    @Test
    public void test_formatFormatMultiLine() {
        Map<String, Object> event = event("log_format", "XYZZY\nA hollow voice says:\n\"Plugh\"");
        assertEquals("- [-#-] XYZZY\n\tA hollow voice says:\n\t\"Plugh\"\n",
                Format.formatEventAsClassicLogText(event));
    }
}
