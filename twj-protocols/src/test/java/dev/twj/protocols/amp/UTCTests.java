package dev.twj.protocols.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Port of {@code UTCTests}: {@code amp.utc} is {@link DateTimeArgument#utc}. */
class UTCTests {
    /** utc's name is "+00:00". */
    @Test
    public void test_tzname() {
        assertEquals("+00:00", DateTimeArgument.tzname(DateTimeArgument.utc));
    }

    /** utc has no daylight saving. */
    @Test
    public void test_dst() {
        assertEquals(Duration.ZERO, DateTimeArgument.utc.getRules().getDaylightSavings(Instant.EPOCH));
    }

    /** utc's offset is zero. */
    @Test
    public void test_utcoffset() {
        assertEquals(0, DateTimeArgument.utc.getTotalSeconds());
    }

    /** fromSignHoursMinutes rejects a sign other than '+' or '-' (Twisted: ValueError). */
    @Test
    public void test_badSign() {
        assertThrows(IllegalArgumentException.class, () -> DateTimeArgument.fromSignHoursMinutes('?', 0, 0));
    }
}
