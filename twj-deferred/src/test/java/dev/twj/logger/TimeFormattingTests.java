package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for time formatting functions. Port of
 * {@code twisted.logger.test.test_format.TimeFormattingTests}. Twisted sets the {@code TZ}
 * environment variable; Java sets the default {@link TimeZone}, restored after each test.
 */
class TimeFormattingTests {
    private TimeZone saved;

    @BeforeEach
    void setUp() {
        saved = TimeZone.getDefault();
    }

    @AfterEach
    void tearDown() {
        TimeZone.setDefault(saved);
    }

    static void setTZ(String zoneId) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zoneId)));
    }

    /** Python's {@code time.mktime} of a local time: seconds since the epoch. */
    static double mktime(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second)
                .atZone(ZoneId.systemDefault()).toEpochSecond();
    }

    private void testForTimeZone(String name, String expectedDST, String expectedSTD) {
        setTZ(name);

        double localSTD = mktime(2007, 1, 31, 0, 0, 0);
        assertEquals(expectedSTD, Format.formatTime(localSTD));

        if (expectedDST != null) {
            double localDST = mktime(2006, 6, 30, 0, 0, 0);
            assertEquals(expectedDST, Format.formatTime(localDST));
        }
    }

    /**
     * Default time stamp format is RFC 3339 and offset respects the default time zone. (Twisted's
     * POSIX TZ strings are given as the zone ids with the same rules in 2006 and 2007.)
     */
    @Test
    public void test_formatTimeWithDefaultFormat() {
        // UTC
        testForTimeZone("UTC", null, "2007-01-31T00:00:00+0000");
        // West of UTC ("EST+05EDT,M4.1.0,M10.5.0")
        testForTimeZone("America/New_York",
                "2006-06-30T00:00:00-0400", "2007-01-31T00:00:00-0500");
        // East of UTC ("CEST-01CEDT,M4.1.0,M10.5.0")
        testForTimeZone("Europe/Berlin",
                "2006-06-30T00:00:00+0200", "2007-01-31T00:00:00+0100");
        // No DST ("CST+06")
        testForTimeZone("Etc/GMT+6", null, "2007-01-31T00:00:00-0600");
    }

    /** If {@code when} is null, we get the default output. */
    @Test
    public void test_formatTimeWithNoTime() {
        assertEquals("-", Format.formatTime(null));
        assertEquals("!", Format.formatTime(null, Format.TIME_FORMAT_RFC3339, "!"));
    }

    /** If {@code timeFormat} is null, we get the default output. */
    @Test
    public void test_formatTimeWithNoFormat() {
        double t = mktime(2013, 9, 24, 11, 40, 47);
        assertEquals("-", Format.formatTime(t, null, "-"));
        assertEquals("!", Format.formatTime(t, null, "!"));
    }

    /** Alternate time format in output. */
    @Test
    public void test_formatTimeWithAlternateTimeFormat() {
        double t = mktime(2013, 9, 24, 11, 40, 47);
        assertEquals("2013/38", Format.formatTime(t, "%Y/%W", "-"));
    }

    /** "%f" supported in time format. */
    @Test
    public void test_formatTimePercentF() {
        assertEquals("234560", Format.formatTime(1000000.23456, "%f", "-"));
    }
}
