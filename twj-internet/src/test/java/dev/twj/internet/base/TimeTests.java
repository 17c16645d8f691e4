package dev.twj.internet.base;

import static dev.twj.internet.base.ReactorSpinner.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.AlreadyCalled;
import dev.twj.internet.error.AlreadyCancelled;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tests for the IReactorTime part of the reactor. Port of
 * {@code twisted.test.test_internet.TimeTests}.
 *
 * <p>Where Java differs: Twisted uses the global reactor, kept running by trial; each test here
 * uses a new {@link SelectReactor}, run by {@link ReactorSpinner} when the test returns a
 * Deferred in Twisted. Twisted replaces {@code reactor.seconds} by assignment; here a subclass
 * overrides it.
 */
@Timeout(120)
class TimeTests {
    private final SelectReactor reactor = new SelectReactor();

    /** A reactor whose clock says 100. */
    private static SelectReactor reactorAt100() {
        return new SelectReactor() {
            @Override
            public double seconds() {
                return 100;
            }
        };
    }

    /** {@code reactor.seconds} should return something like a number. */
    @Test
    public void test_seconds() {
        double now = reactor.seconds();
        assertEquals(now, now - now + now);
    }

    /**
     * {@code callLater} should use the reactor's seconds factory to produce the time at which the
     * DelayedCall will be called.
     */
    @Test
    public void test_callLaterUsesReactorSecondsInDelayedCall() {
        SelectReactor r = reactorAt100();
        IDelayedCall call = r.callLater(5, () -> {});
        assertEquals(105, call.getTime());
        call.cancel();
    }

    /**
     * {@code callLater} should propagate its own seconds factory to the DelayedCall to use as its
     * own seconds factory.
     *
     * <p>Twisted reads {@code call.seconds()}; the Java DelayedCall keeps its factory private, so
     * this reads it through {@code reset(0)}, which schedules the call at the factory's now.
     */
    @Test
    public void test_callLaterUsesReactorSecondsAsDelayedCallSecondsFactory() {
        SelectReactor r = reactorAt100();
        IDelayedCall call = r.callLater(5, () -> {});
        call.reset(0);
        assertEquals(100, call.getTime());
        call.cancel();
    }

    /** Test that a DelayedCall really calls the function it is supposed to call. */
    @Test
    public void test_callLater() {
        Deferred<Object> d = new Deferred<>();
        reactor.callLater(0, () -> d.callback(null));
        d.addCallback(r -> {
            assertNull(r);
            return r;
        });
        waitFor(reactor, d);
    }

    /** A {@link DelayedCall} that is reset will be scheduled at the new time. */
    @Test
    public void test_callLaterReset() {
        DelayedCall call = (DelayedCall) reactor.callLater(2, () -> {});
        try {
            double origTime = call.time();
            call.reset(1);
            assertNotEquals(origTime, call.time());
        } finally {
            call.cancel();
        }
    }

    /** Test that when a DelayedCall is cancelled it does not run. */
    @Test
    public void test_cancelDelayedCall() {
        List<Object> called = new ArrayList<>();
        IDelayedCall call = reactor.callLater(0, () -> called.add(null));
        call.cancel();
        // Schedule a call in two "iterations" to check to make sure that the above call never ran.
        Deferred<Object> d = new Deferred<>();
        reactor.callLater(0, () -> reactor.callLater(0, () -> {
            try {
                assertEquals(List.of(), called);
            } catch (Throwable t) {
                d.errback(t);
                return;
            }
            d.callback(null);
        }));
        waitFor(reactor, d);
    }

    /**
     * Test that cancelling a DelayedCall which has already been cancelled raises the appropriate
     * exception.
     */
    @Test
    public void test_cancelCancelledDelayedCall() {
        IDelayedCall call = reactor.callLater(0, () -> {});
        call.cancel();
        assertThrows(AlreadyCancelled.class, call::cancel);
    }

    /**
     * Test that cancelling a DelayedCall in the DelayedCall's function as that function is being
     * invoked by the DelayedCall raises the appropriate exception.
     */
    @Test
    public void test_cancelCalledDelayedCallSynchronous() {
        Deferred<Object> d = new Deferred<>();
        IDelayedCall[] call = {null};
        call[0] = reactor.callLater(0, () -> {
            try {
                assertThrows(AlreadyCalled.class, call[0]::cancel);
            } catch (Throwable t) {
                d.errback(t);
                return;
            }
            d.callback(null);
        });
        waitFor(reactor, d);
    }

    /**
     * Test that cancelling a DelayedCall after it has run its function raises the appropriate
     * exception.
     */
    @Test
    public void test_cancelCalledDelayedCallAsynchronous() {
        Deferred<Object> d = new Deferred<>();
        IDelayedCall[] call = {null};
        Runnable check = () -> {
            try {
                assertThrows(AlreadyCalled.class, call[0]::cancel);
            } catch (Throwable t) {
                d.errback(t);
                return;
            }
            d.callback(null);
        };
        call[0] = reactor.callLater(0, () -> reactor.callLater(0, check));
        waitFor(reactor, d);
    }

    /**
     * A call 10 seconds from now is scheduled for about now plus 10 (Twisted compares with
     * {@code time.time()}; the reactor's clock here is monotonic, so this compares with
     * {@code reactor.seconds()}).
     */
    @Test
    public void testCallLaterTime() {
        IDelayedCall d = reactor.callLater(10, () -> {});
        try {
            assertTrue(d.getTime() - (reactor.seconds() + 10) < 1);
        } finally {
            d.cancel();
        }
    }

    /** Mostly just make sure toString() isn't going to raise anything for DelayedCalls. */
    @Test
    public void testDelayedCallStringification() {
        IDelayedCall dc = reactor.callLater(0, () -> {});
        String.valueOf(dc);
        dc.reset(5);
        String.valueOf(dc);
        dc.cancel();
        String.valueOf(dc);

        Object[] hello = {List.of("hello", "world"), 10, reactor};
        IDelayedCall dc2 = reactor.callLater(0, () -> String.valueOf(hello));
        String.valueOf(dc2);
        dc2.cancel();
        String.valueOf(dc2);

        IDelayedCall[] dc3 = {null};
        Deferred<Object> d = new Deferred<>().addCallback(ignored -> String.valueOf(dc3[0]));
        dc3[0] = reactor.callLater(0, () -> d.callback(null));
        String.valueOf(dc3[0]);
        assertTrue(waitFor(reactor, d).toString().contains("called=1"));
    }

    /**
     * Test that the {@code seconds} argument to DelayedCall gets used instead of the default
     * timing function.
     */
    @Test
    public void testDelayedCallSecondsOverride() {
        DelayedCall dc = new DelayedCall(5, () -> {}, c -> {}, c -> {}, () -> 10);
        assertEquals(5, dc.getTime());
        dc.reset(3);
        assertEquals(13, dc.getTime());
    }
}
