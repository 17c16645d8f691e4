package dev.twj.protocols.amp;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.time.Duration;
import java.time.Instant;

/** Port of {@code UTCTests}: {@code amp.utc} is {@link DateTimeArgument#utc}. */
class UTCTests extends SynchronousTestCase {
    /** utc's name is "+00:00". */
    public void test_tzname() {
        assertEqual(DateTimeArgument.tzname(DateTimeArgument.utc), "+00:00");
    }

    /** utc has no daylight saving. */
    public void test_dst() {
        assertEqual(DateTimeArgument.utc.getRules().getDaylightSavings(Instant.EPOCH), Duration.ZERO);
    }

    /** utc's offset is zero. */
    public void test_utcoffset() {
        assertEqual(DateTimeArgument.utc.getTotalSeconds(), 0);
    }

    /** fromSignHoursMinutes rejects a sign other than '+' or '-' (Twisted: ValueError). */
    public void test_badSign() {
        assertRaises(IllegalArgumentException.class, () -> DateTimeArgument.fromSignHoursMinutes('?', 0, 0));
    }
}
