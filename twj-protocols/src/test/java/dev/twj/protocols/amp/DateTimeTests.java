package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Port of {@code DateTimeTests}: DateTimeArgument and its fixed offsets. */
class DateTimeTests extends SynchronousTestCase {
    static final byte[] string = b("9876-01-23T12:34:56.054321-01:23");
    static final ZoneOffset tzinfo = DateTimeArgument.fromSignHoursMinutes('-', 1, 23);
    static final OffsetDateTime object = OffsetDateTime.of(9876, 1, 23, 12, 34, 56, 54321000, tzinfo);

    /** fromString raises for a string not in the wire format (Twisted: ValueError). */
    public void test_invalidString() {
        DateTimeArgument d = new DateTimeArgument();
        assertRaises(IllegalArgumentException.class, () -> d.fromString(b("abc")));
    }

    /** toString raises for a naive date-time (Twisted: ValueError). */
    public void test_invalidDatetime() {
        DateTimeArgument d = new DateTimeArgument();
        assertRaises(IllegalArgumentException.class, () -> d.toString(LocalDateTime.of(2010, 12, 25, 0, 0, 0)));
    }

    /** fromString returns a date-time with all of its fields populated from the string. */
    public void test_fromString() {
        assertEqual(new DateTimeArgument().fromString(string), object);
    }

    /** toString returns the wire format with all of the information, including the offset. */
    public void test_toString() {
        assertEqual(new DateTimeArgument().toString(object), string);
    }
}
