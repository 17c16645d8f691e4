package dev.twj.internet.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.error.AlreadyCalled;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Test the non-wallclock based clock implementation. Port of {@code twisted.test.test_task.ClockTests}. */
class ClockTests {
    private static final Runnable NOTHING = () -> {};

    /** Test that the {@code seconds} method of the fake clock returns fake time. */
    @Test
    public void testSeconds() {
        Clock c = new Clock();
        assertEquals(0, c.seconds());
    }

    /**
     * Test that calls can be scheduled for later with the fake clock and hands back an
     * {@code IDelayedCall}.
     */
    @Test
    public void testCallLater() {
        Clock c = new Clock();
        Object call = c.callLater(1, NOTHING);
        assertTrue(call instanceof IDelayedCall);
        assertEquals(1, ((IDelayedCall) call).getTime());
        assertTrue(((IDelayedCall) call).active());
    }

    /** Test that calls can be cancelled. */
    @Test
    public void testCallLaterCancelled() {
        Clock c = new Clock();
        IDelayedCall call = c.callLater(1, NOTHING);
        call.cancel();
        assertFalse(call.active());
    }

    /** Test that the DelayedCall returned is not one previously created. */
    @Test
    public void test_callLaterOrdering() {
        Clock c = new Clock();
        IDelayedCall call1 = c.callLater(10, NOTHING);
        IDelayedCall call2 = c.callLater(1, NOTHING);
        assertNotSame(call1, call2);
    }

    /** Test that advancing the clock will fire some calls. */
    @Test
    public void testAdvance() {
        List<Object> events = new ArrayList<>();
        Clock c = new Clock();
        IDelayedCall call = c.callLater(2, () -> events.add(null));
        c.advance(1);
        assertEquals(List.of(), events);
        c.advance(1);
        assertEquals(Collections.singletonList(null), events);
        assertFalse(call.active());
    }

    /**
     * Test attempting to cancel the call in a callback.
     *
     * <p>AlreadyCalled should be raised, not for example a ValueError from removing the call from
     * Clock.calls. This requires call.called to be set before the callback is called.
     */
    @Test
    public void testAdvanceCancel() {
        Clock c = new Clock();
        IDelayedCall[] call = new IDelayedCall[1];
        int[] ran = {0};
        call[0] = c.callLater(1, () -> {
            assertThrows(AlreadyCalled.class, call[0]::cancel);
            ran[0]++;
        });
        c.advance(1);
        assertEquals(1, ran[0]);
    }

    /** Test that calls can be delayed. */
    @Test
    public void testCallLaterDelayed() {
        List<List<Integer>> events = new ArrayList<>();
        Clock c = new Clock();
        IDelayedCall call = c.callLater(1, () -> events.add(List.of(1, 2)));
        call.delay(1);
        assertEquals(2, call.getTime());
        c.advance(1.5);
        assertEquals(List.of(), events);
        c.advance(1.0);
        assertEquals(List.of(List.of(1, 2)), events);
    }

    /** Test that calls can have their time reset to a later time. */
    @Test
    public void testCallLaterResetLater() {
        List<List<Integer>> events = new ArrayList<>();
        Clock c = new Clock();
        IDelayedCall call = c.callLater(2, () -> events.add(List.of(1, 2)));
        c.advance(1);
        call.reset(3);
        assertEquals(4, call.getTime());
        c.advance(2);
        assertEquals(List.of(), events);
        c.advance(1);
        assertEquals(List.of(List.of(1, 2)), events);
    }

    /** Test that calls can have their time reset to an earlier time. */
    @Test
    public void testCallLaterResetSooner() {
        List<List<Integer>> events = new ArrayList<>();
        Clock c = new Clock();
        IDelayedCall call = c.callLater(4, () -> events.add(List.of(1, 2)));
        call.reset(3);
        assertEquals(3, call.getTime());
        c.advance(3);
        assertEquals(List.of(List.of(1, 2)), events);
    }

    /** Test that we can get a list of all delayed calls. */
    @Test
    public void test_getDelayedCalls() {
        Clock c = new Clock();
        IDelayedCall call = c.callLater(1, NOTHING);
        IDelayedCall call2 = c.callLater(2, NOTHING);

        List<IDelayedCall> calls = c.getDelayedCalls();

        assertEquals(Set.of(call, call2), new HashSet<>(calls));
    }

    /** Test that we get an empty list from getDelayedCalls on a newly constructed Clock. */
    @Test
    public void test_getDelayedCallsEmpty() {
        Clock c = new Clock();
        assertEquals(List.of(), c.getDelayedCalls());
    }

    @Test
    public void test_providesIReactorTime() {
        Object c = new Clock();
        assertTrue(c instanceof IReactorTime, "Clock does not provide IReactorTime");
    }

    /**
     * The order of calls scheduled by {@code Clock.callLater} is honored when adding a new call via
     * calling {@code Clock.callLater} again.
     *
     * <p>For example, if {@code callLater} is invoked with a callable "A" and a time t0, and then
     * the {@code IDelayedCall} which results from that is {@code reset} to a later time t2 which is
     * greater than t0, and <i>then</i> {@code callLater} is invoked again with a callable "B", and
     * time t1 which is less than t2 but greater than t0, "B" will be invoked before "A".
     */
    @Test
    public void test_callLaterKeepsCallsOrdered() {
        List<List<Object>> result = new ArrayList<>();
        List<List<Object>> expected = List.of(List.of("b", 2.0), List.of("a", 3.0));
        Clock clock = new Clock();

        IDelayedCall callA = clock.callLater(1.0, () -> result.add(List.of("a", clock.seconds())));
        callA.reset(3.0);
        clock.callLater(2.0, () -> result.add(List.of("b", clock.seconds())));

        clock.pump(1, 1, 1);
        assertEquals(expected, result);
    }

    /**
     * The order of calls scheduled by {@code Clock.callLater} is honored when re-scheduling an
     * existing call via {@code IDelayedCall.reset} on the result of a previous call to
     * {@code callLater}.
     *
     * <p>For example, if {@code callLater} is invoked with a callable "A" and a time t0, and then
     * {@code callLater} is invoked again with a callable "B", and time t1 greater than t0, and
     * finally the {@code IDelayedCall} for "A" is {@code reset} to a later time, t2, which is
     * greater than t1, "B" will be invoked before "A".
     */
    @Test
    public void test_callLaterResetKeepsCallsOrdered() {
        List<List<Object>> result = new ArrayList<>();
        List<List<Object>> expected = List.of(List.of("b", 2.0), List.of("a", 3.0));
        Clock clock = new Clock();

        IDelayedCall callA = clock.callLater(1.0, () -> result.add(List.of("a", clock.seconds())));
        clock.callLater(2.0, () -> result.add(List.of("b", clock.seconds())));
        callA.reset(3.0);

        clock.pump(1, 1, 1);
        assertEquals(expected, result);
    }

    /**
     * The order of calls scheduled by {@code Clock.callLater} is honored when re-scheduling an
     * existing call via {@code IDelayedCall.reset} on the result of a previous call to
     * {@code callLater}, even when that call to {@code reset} occurs within the callable scheduled
     * by {@code callLater} itself.
     */
    @Test
    public void test_callLaterResetInsideCallKeepsCallsOrdered() {
        List<List<Object>> result = new ArrayList<>();
        List<List<Object>> expected = List.of(List.of("c", 3.0), List.of("b", 4.0));
        Clock clock = new Clock();

        IDelayedCall callB = clock.callLater(2.0, () -> result.add(List.of("b", clock.seconds())));

        clock.callLater(1.0, () -> callB.reset(3.0));
        clock.callLater(3.0, () -> result.add(List.of("c", clock.seconds())));

        clock.pump(Collections.nCopies(10, 0.5));
        assertEquals(expected, result);
    }
}
