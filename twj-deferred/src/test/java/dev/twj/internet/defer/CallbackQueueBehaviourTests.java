package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The callback queue's fast paths (a run of lone callbacks, a callback added to a fired idle
 * Deferred run without queuing) must behave exactly as Twisted's {@code _runCallbacks}: these pin
 * down the cases where they hand over to the general loop, and the queue's growth and compaction
 * while callbacks run.
 */
class CallbackQueueBehaviourTests {

    /** Callbacks added by a running callback run after it, in order, with its result. */
    @Test
    void callbacksAddedWhileRunningAreQueuedNotRunAtOnce() {
        Deferred<Integer> d = new Deferred<>();
        List<String> log = new ArrayList<>();
        d.addCallback(x -> {
            log.add("first " + x);
            d.addCallback(y -> {
                log.add("added " + y);
                return y * 10;
            });
            log.add("first done, pending " + d.pendingCallbacks());
            return x + 1;
        });
        d.addCallback(x -> {
            log.add("second " + x);
            return x + 1;
        });
        d.callback(1);
        assertEquals(List.of("first 1", "first done, pending 2", "second 2", "added 3"), log);
        assertEquals(30, d.result());
        assertEquals(0, d.pendingCallbacks());
    }

    /** The same on a fired Deferred, where the first callback is run without queuing. */
    @Test
    void callbackAddedToFiredDeferredQueuesTheCallbacksItAdds() {
        Deferred<Integer> d = Defer.succeed(1);
        List<String> log = new ArrayList<>();
        d.addCallback(x -> {
            assertTrue(d.called());
            assertEquals(1, d.result(), "the input stays the result while the callback runs");
            d.addCallback(y -> {
                log.add("inner " + y);
                return y + 100;
            });
            log.add("outer " + x + ", pending " + d.pendingCallbacks());
            return x + 1;
        });
        assertEquals(List.of("outer 1, pending 1", "inner 2"), log);
        assertEquals(102, d.result());
    }

    /** Hundreds of callbacks, each adding one more while the queue runs: growth and compaction. */
    @Test
    void queueGrowsAndCompactsWhileRunning() {
        Deferred<Integer> d = new Deferred<>();
        int[] added = {0};
        Callback<Integer, Integer> adder = new Callback<>() {
            @Override
            public Integer call(Integer x) {
                if (added[0] < 500) {
                    added[0]++;
                    d.addCallback(this);
                }
                return x + 1;
            }
        };
        for (int i = 0; i < 20; i++) {
            d.addCallback(adder);
        }
        d.addErrback(f -> -1);
        d.callback(0);
        assertEquals(520, d.result());
        assertEquals(0, d.pendingCallbacks());
    }

    /** Mixed entries are counted one each, whatever their size in the queue. */
    @Test
    void pendingCallbacksCountsEntriesOfEveryKind() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> x);
        d.addErrback(f -> 0);
        d.addBoth(x -> x);
        d.addCallbacks(x -> x, f -> 0);
        d.addCallbacks(x -> x, null);
        assertEquals(5, d.pendingCallbacks());
        d.callback(3);
        assertEquals(0, d.pendingCallbacks());
        assertEquals(3, d.result());
    }

    /** A lone callback after a failure is passed by; the errback after it gets the failure. */
    @Test
    void failureInARunOfLoneCallbacksSkipsToTheErrback() {
        Deferred<Integer> d = new Deferred<>();
        List<String> log = new ArrayList<>();
        d.addCallback(x -> {
            throw new IllegalStateException("boom");
        });
        d.addCallback(x -> {
            log.add("skipped");
            return x;
        });
        d.addErrback(f -> {
            log.add("errback " + f.value().getMessage());
            return 7;
        });
        d.addCallback(x -> x + 1);
        d.callback(0);
        assertEquals(List.of("errback boom"), log);
        assertEquals(8, d.result());
    }

    /** A failure at the end of a run is tracked as unhandled, and handling it later clears it. */
    @Test
    void runEndingOnAFailureIsTracked() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> {
            throw new IllegalStateException("late");
        });
        d.callback(0);
        assertInstanceOf(Failure.class, d.result());
        assertTrue(d.debugInfo != null && d.debugInfo.failResult != null);
        d.addErrback(f -> 1);
        assertNull(d.debugInfo.failResult);
        assertEquals(1, d.result());
        // On a handled Deferred, the run-at-once path clears nothing wrongly and tracks nothing.
        d.addCallback(x -> x + 1);
        assertNull(d.debugInfo.failResult);
        assertEquals(2, d.result());
    }

    /** A callback run at once that fails leaves the Deferred failed and tracked. */
    @Test
    void callbackRunAtOnceThatThrowsFailsTheDeferred() {
        Deferred<Integer> d = Defer.succeed(1);
        d.addCallback(x -> {
            throw new IllegalArgumentException("at once");
        });
        Failure f = assertInstanceOf(Failure.class, d.result());
        assertInstanceOf(IllegalArgumentException.class, f.value());
        assertSame(f, d.debugInfo.failResult);
        d.addErrback(e -> 5);
        assertEquals(5, d.result());
    }

    /** Fired Deferreds returned in a run give their results; an unfired one makes the chain wait. */
    @Test
    void deferredsReturnedInARunAreChained() {
        Deferred<Integer> d = new Deferred<>();
        Deferred<Integer> later = new Deferred<>();
        Deferred<Integer> fired = Defer.succeed(10);
        d.addCallbackDeferred(x -> fired);
        d.addCallback(x -> x + 1);
        d.addCallbackDeferred(x -> later);
        d.addCallback(x -> x * 2);
        d.callback(0);
        assertNull(fired.result(), "a fired Deferred's result is taken");
        assertEquals(1, d.paused());
        assertSame(later, d.chainedTo());
        assertSame(later, d.result());
        later.callback(4);
        assertEquals(0, d.paused());
        assertNull(d.chainedTo());
        assertEquals(8, d.result());
        assertNull(later.result());
    }

    /** A callback run at once that returns an unfired Deferred makes the chain wait on it. */
    @Test
    void callbackRunAtOnceReturningAnUnfiredDeferredWaits() {
        Deferred<Integer> d = Defer.succeed(1);
        Deferred<Integer> later = new Deferred<>();
        d.addCallbackDeferred(x -> later);
        assertEquals(1, d.paused());
        d.addCallback(x -> x + 1);
        assertEquals(1, d.pendingCallbacks(), "queued while waiting");
        later.callback(20);
        assertEquals(21, d.result());
    }

    /**
     * Pausing a Deferred from one of its own callbacks does not stop the run (as in Twisted); the
     * callbacks added after it wait for the unpause.
     */
    @Test
    void pauseFromACallbackDoesNotStopTheCurrentRun() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> {
            d.pause();
            return x + 1;
        });
        d.addCallback(x -> x + 1);
        d.callback(0);
        assertEquals(2, d.result());
        d.addCallback(x -> x + 1);
        assertEquals(2, d.result(), "paused: queued");
        d.unpause();
        assertEquals(3, d.result());
    }

    /** A callback returning its own Deferred is warned about and waits on itself, as in Twisted. */
    @Test
    void callbackReturningItsOwnDeferredInARun() {
        Deferred<Object> d = new Deferred<>();
        d.addCallback(x -> d);
        d.callback(1);
        assertSame(d, d.chainedTo());
        assertEquals(1, d.paused());
        Deferred<Object> e = Defer.succeed(1);
        e.addCallback(x -> e);
        assertSame(e, e.chainedTo());
        assertEquals(1, e.paused());
    }

    /** A callback that fires its own Deferred again fails the chain with AlreadyCalledError. */
    @Test
    void callbackFiringItsOwnDeferredAgainFails() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> {
            d.callback(9);
            return x;
        });
        d.callback(0);
        Failure f = assertInstanceOf(Failure.class, d.result());
        assertInstanceOf(AlreadyCalledError.class, f.value());
        d.addErrback(e -> 0);
        assertFalse(d.result() instanceof Failure);
    }

    /** An Error that is no VirtualMachineError becomes a Failure; a VirtualMachineError escapes. */
    @Test
    void virtualMachineErrorsEscapeAndLeaveTheDeferredUsable() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> {
            throw new StackOverflowError("deep");
        });
        d.addCallback(x -> x + 1);
        assertThrows(StackOverflowError.class, () -> d.callback(0));
        assertEquals(1, d.pendingCallbacks());
        // The flag was cleared: adding a callback runs the queue again.
        d.addCallback(x -> x + 10);
        assertEquals(11, d.result());
    }

    /**
     * Entries of every kind, enough to fill the first array several times over (a PAIR takes three
     * slots, an errback or a both two, a lone callback one): each runs once, in the order added,
     * on the path the result is on, across every growth of the queue.
     */
    @Test
    void entriesOfEveryKindKeepTheirOrderAcrossGrowth() {
        for (int entries = 1; entries <= 40; entries++) {
            Deferred<Integer> d = new Deferred<>();
            List<String> log = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            boolean failing = false;
            for (int i = 0; i < entries; i++) {
                int n = i;
                switch (i % 5) {
                    case 0 -> {
                        d.addCallbacks(x -> {
                            log.add("pair callback " + n);
                            return x + 1;
                        }, f -> {
                            log.add("pair errback " + n);
                            return 100;
                        });
                        expected.add(failing ? "pair errback " + n : "pair callback " + n);
                        failing = false;
                    }
                    case 1 -> {
                        d.addBoth(r -> {
                            log.add("both " + n);
                            return r;
                        });
                        expected.add("both " + n);
                    }
                    case 2 -> {
                        d.addCallback(x -> {
                            log.add("callback " + n);
                            throw new IllegalStateException("callback " + n);
                        });
                        if (!failing) {
                            expected.add("callback " + n);
                        }
                        failing = true;
                    }
                    case 3 -> {
                        d.addCallback(x -> {
                            log.add("skipped " + n);
                            return x;
                        });
                        if (!failing) {
                            expected.add("skipped " + n);
                        }
                    }
                    default -> {
                        d.addErrback(f -> {
                            log.add("errback " + n);
                            return 7;
                        });
                        if (failing) {
                            expected.add("errback " + n);
                        }
                        failing = false;
                    }
                }
            }
            assertEquals(entries, d.pendingCallbacks());
            d.callback(0);
            assertEquals(expected, log, entries + " entries");
            assertEquals(0, d.pendingCallbacks());
            if (failing) {
                Failure f = assertInstanceOf(Failure.class, d.result());
                assertInstanceOf(IllegalStateException.class, f.value());
                d.addErrback(e -> 0);
            }
        }
    }
}
