package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.logger.CapturedLogs;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java-only tests of {@link Deferred}: what Twisted's semantics mean where Java differs from Python
 * (checked exceptions, {@link VirtualMachineError}, garbage collection), and behaviours Twisted
 * relies on without a test of their own in {@code DeferredTests}.
 */
final class DeferredBehaviourTests {
    /** Python's {@code l.append} as a callback. */
    private static <T, R> Callback<T, R> append(List<? super T> list) {
        return DeferredTests.append(list);
    }

    // ---------------------------------------------------------------------------------------------
    // Exceptions: everything but a VirtualMachineError becomes a Failure (Twisted catches
    // BaseException).

    /** A callback may throw a checked exception; the errbacks receive it in a {@link Failure}. */
    @Test
    public void aCheckedExceptionThrownByACallbackGoesToTheErrback() {
        IOException error = new IOException("disk on fire");
        Deferred<String> d = new Deferred<>();
        d.addCallback(result -> {
            throw error;
        });
        d.callback("data");
        Failure failure = failureResultOf(d, IOException.class);
        assertSame(error, failure.value());
    }

    /** An errback may throw a checked exception; the next errback receives it. */
    @Test
    public void aCheckedExceptionThrownByAnErrbackGoesToTheNextErrback() {
        IOException second = new IOException("second");
        Deferred<String> d = Defer.fail(new IllegalStateException("first"));
        d.addErrback(failure -> {
            throw second;
        });
        assertSame(second, failureResultOf(d, IOException.class).value());
    }

    /** An {@link Error} other than a {@link VirtualMachineError} is caught like any exception. */
    @Test
    public void anErrorThatIsNotAVirtualMachineErrorGoesToTheErrback() {
        AssertionError error = new AssertionError("not a VM error");
        Deferred<String> d = new Deferred<>();
        d.addCallback(result -> {
            throw error;
        });
        d.callback("data");
        assertSame(error, failureResultOf(d, AssertionError.class).value());
    }

    /** A {@link VirtualMachineError} is not caught: it propagates out of {@code callback}. */
    @Test
    public void aVirtualMachineErrorThrownByACallbackPropagatesToTheCaller() {
        for (VirtualMachineError error : List.of(
                new InternalError("vm broken"), new StackOverflowError(), new OutOfMemoryError())) {
            Deferred<String> d = new Deferred<>();
            List<Object> errbacks = new ArrayList<>();
            d.addCallback(result -> {
                throw error;
            });
            d.addErrback(failure -> {
                errbacks.add(failure);
                return null;
            });
            VirtualMachineError thrown = assertThrows(VirtualMachineError.class, () -> d.callback("data"));
            assertSame(error, thrown);
            assertEquals(List.of(), errbacks);
        }
    }

    /** A {@link VirtualMachineError} propagates out of {@code addCallback} on a fired Deferred. */
    @Test
    public void aVirtualMachineErrorThrownByACallbackAddedToAFiredDeferredPropagates() {
        InternalError error = new InternalError("vm broken");
        Deferred<String> d = Defer.succeed("data");
        assertSame(error, assertThrows(InternalError.class, () -> d.addCallback(result -> {
            throw error;
        })));
    }

    // ---------------------------------------------------------------------------------------------
    // A Deferred as a result.

    /** {@code callback(aDeferred)} is neither rejected nor chained: the first callback gets it. */
    @Test
    public void callbackWithADeferredGivesItToTheFirstCallbackAsAPlainValue() {
        Deferred<Object> inner = new Deferred<>();
        Deferred<Object> d = new Deferred<>();
        List<Object> seen = new ArrayList<>();
        d.addCallback(append(seen));
        d.callback(inner);
        assertEquals(List.of(inner), seen);
        assertNull(d.chainedTo());
        assertEquals(0, d.paused());
        assertEquals(0, inner.pendingCallbacks());
        assertFalse(inner.called());
    }

    /** With no callbacks, {@code callback(aDeferred)} leaves that Deferred as the result. */
    @Test
    public void callbackWithADeferredAndNoCallbacksKeepsItAsTheResult() {
        Deferred<Object> inner = new Deferred<>();
        Deferred<Object> d = new Deferred<>();
        d.callback(inner);
        assertSame(inner, d.result());
        List<Object> seen = new ArrayList<>();
        d.addCallback(append(seen));
        assertEquals(List.of(inner), seen);
    }

    /**
     * A pair with no callback half (Twisted's {@code passthru}) returns the Deferred it was given,
     * and a callback returning a Deferred chains on it: so {@code callback(aDeferred)} followed by
     * {@code addErrback} waits for that Deferred, as in Twisted.
     */
    @Test
    public void aPassThroughPairChainsOnADeferredResult() {
        Deferred<Object> inner = new Deferred<>();
        Deferred<Object> d = new Deferred<>();
        List<Object> failures = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        d.addErrback(failure -> {
            failures.add(failure);
            return null;
        });
        d.addCallback(append(seen));
        d.callback(inner);
        assertSame(inner, d.chainedTo());
        assertEquals(1, d.paused());
        assertEquals(List.of(), seen);

        inner.callback("inner result");
        assertEquals(List.of("inner result"), seen);
        assertEquals(List.of(), failures);
        assertNull(inner.result());
        assertEquals(0, d.paused());
    }

    /** A callback added to a fired Deferred runs before {@code addCallback} returns. */
    @Test
    public void aCallbackAddedToAFiredDeferredRunsAtOnce() {
        Deferred<Integer> d = Defer.succeed(1);
        List<Integer> seen = new ArrayList<>();
        d.addCallback(result -> {
            seen.add(result);
            return result + 1;
        });
        assertEquals(List.of(1), seen);
        assertEquals(2, d.result());
    }

    /** An errback added to a failed Deferred runs before {@code addErrback} returns. */
    @Test
    public void anErrbackAddedToAFailedDeferredRunsAtOnce() {
        Deferred<Integer> d = Defer.fail(new IllegalStateException("boom"));
        List<Failure> seen = new ArrayList<>();
        d.addErrback(failure -> {
            seen.add(failure);
            return 3;
        });
        assertEquals(1, seen.size());
        assertEquals(3, d.result());
    }

    /** The inner Deferred holds null after an already-fired one is chained (its result stolen). */
    @Test
    public void theInnerDeferredHoldsNullAfterSynchronousChaining() {
        Deferred<String> inner = Defer.succeed("inner");
        Deferred<String> outer = Defer.succeed("outer").addCallbackDeferred(ignored -> inner);
        assertEquals("inner", successResultOf(outer));
        assertTrue(inner.hasResult());
        assertNull(inner.result());
    }

    /** The inner Deferred holds null after it fires and hands its result to the outer one. */
    @Test
    public void theInnerDeferredHoldsNullAfterAsynchronousChaining() {
        Deferred<String> inner = new Deferred<>();
        Deferred<String> outer = Defer.succeed("outer").addCallbackDeferred(ignored -> inner);
        assertNoResult(outer);
        inner.callback("inner");
        assertEquals("inner", successResultOf(outer));
        assertTrue(inner.hasResult());
        assertNull(inner.result());
        assertNull(outer.chainedTo());
    }

    /** A failure handed over by chaining is no longer the inner Deferred's: it holds null. */
    @Test
    public void theInnerDeferredHoldsNullAfterChainingAFailure() {
        Deferred<String> inner = new Deferred<>();
        Deferred<String> outer = Defer.succeed("outer").addCallbackDeferred(ignored -> inner);
        inner.errback(new IllegalStateException("inner failed"));
        failureResultOf(outer, IllegalStateException.class);
        assertNull(inner.result());
    }

    // ---------------------------------------------------------------------------------------------
    // Cancellation.

    /** Cancelling a Deferred that waits on another cancels that other one, and the failure comes back. */
    @Test
    public void cancellingADeferredWaitingOnAnotherCancelsTheInnerOne() {
        List<Deferred<String>> cancelled = new ArrayList<>();
        Deferred<String> inner = new Deferred<>(cancelled::add);
        Deferred<String> outer = Defer.succeed("outer").addCallbackDeferred(ignored -> inner);
        assertSame(inner, outer.chainedTo());

        outer.cancel();

        assertEquals(List.of(inner), cancelled);
        assertTrue(inner.called());
        failureResultOf(outer, CancelledError.class);
        assertNull(inner.result());
    }

    /** Cancelling a fired Deferred that waits on nothing changes nothing. */
    @Test
    public void cancellingAFiredDeferredThatIsNotWaitingDoesNothing() {
        Deferred<String> d = Defer.succeed("done");
        d.cancel();
        assertEquals("done", successResultOf(d));
    }

    // ---------------------------------------------------------------------------------------------
    // A callback returning its own Deferred.

    /**
     * A callback returning the Deferred it was added to logs a warning, and then the Deferred
     * waits on itself forever: paused once, its result itself, later callbacks never run (Twisted
     * 24 behaves so, and warns that a future version will raise instead).
     */
    @Test
    public void aCallbackReturningItsOwnDeferredHangsForever() {
        Deferred<String> d = new Deferred<>();
        d.addCallbackDeferred(result -> d);
        try (CapturedLogs logs = CapturedLogs.capture()) {
            d.callback("foo");
            assertEquals(1, logs.events().size());
        }
        assertEquals(1, d.paused());
        assertSame(d, d.result());
        assertSame(d, d.chainedTo());
        List<Object> seen = new ArrayList<>();
        d.addCallback(append(seen));
        assertEquals(List.of(), seen);
    }

    // ---------------------------------------------------------------------------------------------
    // Garbage collection.

    /**
     * Firing drops the canceller: it is collectable while the Deferred is still reachable (the
     * Java form of Twisted's circular-reference tests, where a cycle alone would be collected).
     */
    @Test
    public void firingDropsTheCanceller() {
        for (boolean succeed : new boolean[] {true, false}) {
            DeferredTests.DummyCanceller canceller = new DeferredTests.DummyCanceller();
            WeakReference<DeferredTests.DummyCanceller> weakCanceller = new WeakReference<>(canceller);
            Deferred<Object> deferred = new Deferred<>(canceller);
            canceller = null;
            if (succeed) {
                deferred.callback("result");
            } else {
                deferred.errback(new IllegalStateException("failed"));
                failureResultOf(deferred);
            }
            DeferredTests.collect(weakCanceller);
            assertNull(weakCanceller.get());
            assertTrue(deferred.called());
        }
    }
}
