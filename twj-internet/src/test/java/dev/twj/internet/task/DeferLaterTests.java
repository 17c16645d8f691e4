package dev.twj.internet.task;

import static dev.twj.internet.task.DeferredAssertions.assertNoResult;
import static dev.twj.internet.task.DeferredAssertions.failureResultOf;
import static dev.twj.internet.task.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.CancelledError;
import dev.twj.internet.defer.Deferred;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests for {@code Task.deferLater}. Port of {@code twisted.test.test_task.DeferLaterTests}. */
@ExtendWith(FailOnLoggedErrors.class)
class DeferLaterTests {
    /**
     * The {@code Deferred} returned by {@code deferLater} is called back after the specified delay
     * with the result of the function passed in.
     */
    @Test
    public void test_callback() {
        List<List<String>> results = new ArrayList<>();
        Object flag = new Object();

        Clock clock = new Clock();
        Deferred<Object> d = Task.deferLater(clock, 3, () -> {
            results.add(List.of("foo", "bar"));
            return flag;
        });
        d.addCallback(r -> {
            assertSame(flag, r);
            return r;
        });
        clock.advance(2);
        assertEquals(List.of(), results);
        clock.advance(1);
        assertEquals(List.of(List.of("foo", "bar")), results);
        successResultOf(d);
    }

    /**
     * The {@code Deferred} returned by {@code deferLater} is errbacked if the supplied function
     * raises an exception.
     */
    @Test
    public void test_errback() {
        Clock clock = new Clock();
        Deferred<Object> d = Task.deferLater(clock, 1, () -> {
            throw new TestException();
        });
        clock.advance(1);
        failureResultOf(d, TestException.class);
    }

    /**
     * The {@code Deferred} returned by {@code deferLater} can be cancelled to prevent the call from
     * actually being performed.
     */
    @Test
    public void test_cancel() {
        List<Object> called = new ArrayList<>();
        Clock clock = new Clock();
        Deferred<Boolean> d = Task.deferLater(clock, 1, () -> called.add(null));
        d.cancel();

        failureResultOf(d, CancelledError.class);
        // Make sure there are no calls outstanding.
        assertEquals(List.of(), clock.getDelayedCalls());
        // And make sure the call didn't somehow happen already.
        assertTrue(called.isEmpty());
    }

    /**
     * The {@code Deferred} returned by {@code deferLater} fires with {@code null} when no callback
     * function is passed.
     */
    @Test
    public void test_noCallback() {
        Clock clock = new Clock();
        Deferred<Void> d = Task.deferLater(clock, 2.0);
        assertNoResult(d);

        clock.advance(2.0);
        assertNull(successResultOf(d));
    }
}
