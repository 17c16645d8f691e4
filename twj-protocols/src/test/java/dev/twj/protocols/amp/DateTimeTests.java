package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Port of {@code DateTimeTests}: DateTimeArgument and its fixed offsets. */
class DateTimeTests {
    static final byte[] string = b("9876-01-23T12:34:56.054321-01:23");
    static final ZoneOffset tzinfo = DateTimeArgument.fromSignHoursMinutes('-', 1, 23);
    static final OffsetDateTime object = OffsetDateTime.of(9876, 1, 23, 12, 34, 56, 54321000, tzinfo);

    /** fromString raises for a string not in the wire format (Twisted: ValueError). */
    @Test
    public void test_invalidString() {
        DateTimeArgument d = new DateTimeArgument();
        assertThrows(IllegalArgumentException.class, () -> d.fromString(b("abc")));
    }

    /** toString raises for a naive date-time (Twisted: ValueError). */
    @Test
    public void test_invalidDatetime() {
        DateTimeArgument d = new DateTimeArgument();
        assertThrows(IllegalArgumentException.class, () -> d.toString(LocalDateTime.of(2010, 12, 25, 0, 0, 0)));
    }

    /** fromString returns a date-time with all of its fields populated from the string. */
    @Test
    public void test_fromString() {
        assertEquals(object, new DateTimeArgument().fromString(string));
    }

    /** toString returns the wire format with all of the information, including the offset. */
    @Test
    public void test_toString() {
        assertArrayEquals(string, new DateTimeArgument().toString(object));
    }
}
