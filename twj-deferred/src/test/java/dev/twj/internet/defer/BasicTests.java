package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.Defer.fail;
import static dev.twj.internet.defer.Defer.inlineCallbacks;
import static dev.twj.internet.defer.Defer.succeed;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * This test suite tests basic use cases of {@code inlineCallbacks}: port of
 * {@code twisted.internet.test.test_inlinecb.BasicTests}. For more complex tests see e.g.
 * {@link StackedInlineCallbacksTests}.
 *
 * <p>Twisted's tests return their Deferred to trial and let the reactor fire
 * {@code getValueViaDeferred}'s {@code callLater(0, ...)}; here a {@link FakeClock} stands for the
 * reactor and the test advances it, then checks the result the same way.
 *
 * <p>Not ported, because they test Python generator mechanics Java does not have:
 * {@code testStackUsage2} and {@code testYieldNonDeferred} (yielding plain values),
 * {@code testReturnValueDeprecated}, {@code test_nonGeneratorReturnValue} and
 * {@code test_internalDefGenReturnValueDoesntLeak} ({@code returnValue}),
 * {@code test_nonGeneratorReturn} (any Java lambda is a body; there is no non-generator case).
 */
class BasicTests {
    private final FakeClock reactor = new FakeClock();

    /** Just a specific exception type for use in inlineCallbacks tests in this file. */
    static final class TerminalException extends Exception {
        private static final long serialVersionUID = 1L;

        TerminalException(String message) {
            super(message);
        }
    }

    private <T> Deferred<T> getValueViaDeferred(T value) {
        Deferred<T> d = new Deferred<>();
        reactor.callLater(0, () -> d.callback(value));
        return d;
    }

    private <T> Coroutine<T> getValueViaCoro(T value) {
        return coroutine(() -> await(getValueViaDeferred(value)));
    }

    /** Make a {@link Failure} of a divide-by-zero error. */
    private static Failure getDivisionFailure(String msg) {
        try {
            throw new ArithmeticException(msg);
        } catch (ArithmeticException e) {
            return new Failure(e);
        }
    }

    /** Make a coroutine that throws a divide-by-zero error. */
    private Coroutine<Void> getDivisionFailureCoro(String msg) {
        return coroutine(() -> {
            await(getValueViaDeferred("value"));
            throw new ArithmeticException(msg);
        });
    }

    /** Runs the reactor's pending calls, as trial's reactor would while the test waits. */
    private void spin() {
        while (!reactor.getDelayedCalls().isEmpty()) {
            reactor.advance(0);
        }
    }

    /**
     * Test that a normal inlineCallbacks works. Tests yielding a deferred which callbacks, as
     * well as a deferred errbacks. Also ensures returning a final value works.
     */
    @Test
    public void testBasics() {
        Supplier<Deferred<String>> _genBasics = () -> inlineCallbacks(() -> {
            String x = await(getValueViaDeferred("hi"));

            assertEquals("hi", x);

            try {
                await(fail(getDivisionFailure("OMG")));
            } catch (ArithmeticException e) {
                assertEquals("OMG", e.getMessage());
            }
            return "WOOSH";
        });

        Deferred<String> d = _genBasics.get();
        spin();
        assertEquals("WOOSH", successResultOf(d));
    }

    /** {@code inlineCallbacks} can yield a coroutine and catch its exception. */
    @Test
    public void testBasicsAsync() {
        Supplier<Deferred<String>> _genBasics = () -> inlineCallbacks(() -> {
            String x = await(Deferred.fromCoroutine(getValueViaCoro("hi")));

            assertEquals("hi", x);

            try {
                await(Deferred.fromCoroutine(getDivisionFailureCoro("OMG")));
            } catch (ArithmeticException e) {
                assertEquals("OMG", e.getMessage());
                return "WOOSH";
            }
            return null;
        });

        Deferred<String> d = _genBasics.get();
        spin();
        assertEquals("WOOSH", successResultOf(d));
    }

    private static int zero = 0;

    /**
     * Ensure that a generator that produces an exception signals a Failure condition on result
     * deferred by converting the exception to a {@link Failure}.
     */
    @Test
    public void testProducesException() {
        Supplier<Deferred<Integer>> _genProduceException = () -> inlineCallbacks(() -> {
            await(getValueViaDeferred("hi"));
            return 1 / zero;
        });

        Deferred<Integer> d = _genProduceException.get();
        spin();
        failureResultOf(d, ArithmeticException.class);
    }

    /** Test that a generator which never yields results in None. */
    @Test
    public void testNothing() {
        Supplier<Deferred<Void>> _genNothing = () -> inlineCallbacks(() -> null);

        assertNull(successResultOf(_genNothing.get()));
    }

    /**
     * Create a Deferred Generator which yields a Deferred which fails and handles the exception
     * which results. Assert that the Deferred Generator does not errback its Deferred.
     */
    @Test
    public void testHandledTerminalFailure() {
        Supplier<Deferred<Void>> _genHandledTerminalFailure = () -> inlineCallbacks(() -> {
            try {
                await(fail(new TerminalException("Handled Terminal Failure")), TerminalException.class);
            } catch (TerminalException e) {
                // pass
            }
            return null;
        });

        assertNull(successResultOf(_genHandledTerminalFailure.get()));
    }

    /**
     * Just like testHandledTerminalFailure, only with a Deferred which fires asynchronously with
     * an error.
     */
    @Test
    public void testHandledTerminalAsyncFailure() {
        Function<Deferred<Void>, Deferred<Void>> _genHandledTerminalAsyncFailure = d -> inlineCallbacks(() -> {
            try {
                await(d, TerminalException.class);
            } catch (TerminalException e) {
                // pass
            }
            return null;
        });

        Deferred<Void> d = new Deferred<>();
        Deferred<Void> deferredGeneratorResultDeferred = _genHandledTerminalAsyncFailure.apply(d);
        d.errback(new TerminalException("Handled Terminal Failure"));
        assertNull(successResultOf(deferredGeneratorResultDeferred));
    }

    /**
     * Just like testHandledCoroAsyncFailure, only with a Deferred which fires asynchronously with
     * an error and is wrapped in coroutine.
     */
    @Test
    public void testHandledCoroAsyncFailure() {
        Deferred<Object> d = new Deferred<>();

        Supplier<Coroutine<Object>> coro = () -> coroutine(() -> await(d));

        Supplier<Deferred<Void>> function = () -> inlineCallbacks(() -> {
            try {
                await(Deferred.fromCoroutine(coro.get()), TerminalException.class);
            } catch (TerminalException e) {
                // pass
            }
            return null;
        });

        Deferred<Void> inlineResultDeferred = function.get();
        d.errback(new TerminalException("Handled Terminal Failure"));
        assertNull(successResultOf(inlineResultDeferred));
    }

    /** Make sure we don't blow the stack when yielding immediately available deferreds. */
    @Test
    public void testStackUsage() {
        Supplier<Deferred<Integer>> _genStackUsage = () -> inlineCallbacks(() -> {
            for (int x = 0; x < 5000; x++) {
                // Test with yielding a deferred
                await(succeed(1));
            }
            return 0;
        });

        assertEquals(0, successResultOf(_genStackUsage.get()));
    }

    /**
     * Ensure a standard python return results in a None result.
     *
     * <p>{@code yield 5} (a plain value, sent straight back) has no Java form and is left out.
     */
    @Test
    public void testReturnNoValue() {
        Supplier<Deferred<Void>> _noReturn = () -> inlineCallbacks(() -> {
            // yield 5
            return null;
        });

        assertNull(successResultOf(_noReturn.get()));
    }

    private static String formatExc(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /**
     * When one inlineCallbacks calls another, the internal {@code StopIteration} flow control
     * exception generated when the inner generator returns doesn't leak into tracebacks captured
     * in the caller.
     *
     * <p>Java has no {@code StopIteration}; this checks that none of the engine's internal
     * exceptions appears in the caught exception's traceback.
     */
    @Test
    public void test_internalStopIterationDoesntLeak() {
        Supplier<Deferred<Integer>> _returns = () -> inlineCallbacks(() -> {
            Deferred<Void> later = new Deferred<>();
            reactor.callLater(0, () -> later.callback(null));
            await(later);
            return 6;
        });

        Supplier<Deferred<String>> _raises = () -> inlineCallbacks(() -> {
            try {
                await(_returns.get());
                throw new TerminalException("boom normal return");
            } catch (TerminalException e) {
                return formatExc(e);
            }
        });

        Deferred<String> d = _raises.get();
        reactor.advance(0);
        String tb = successResultOf(d);

        // The internal exception is not in the traceback.
        assertFalse(tb.contains("InternalCancelledError"), tb);
        assertFalse(tb.contains("AwaitedAt"), tb);
        // No other extra exception is in the traceback.
        assertFalse(tb.contains("Caused by"), tb);
        // Our targeted exception is in the traceback
        assertTrue(tb.contains("BasicTests$TerminalException: boom normal return"), tb);
    }

    /**
     * When using {@code inlineCallbacks}, after the function exits, it will not keep references
     * to the function itself or the arguments.
     *
     * <p>This ensures that the machinery gets deallocated immediately rather than waiting for a
     * GC, on CPython. Java has no reference counting: this checks that nothing keeps them alive
     * once the collector runs.
     */
    @Test
    public void test_inlineCallbacksNoCircularReference() throws InterruptedException {
        // Create an object and weak reference to track if its gotten freed.
        Set<Object> obj = new HashSet<>();
        WeakReference<Set<Object>> objWeakRef = new WeakReference<>(obj);

        Function<Object, Deferred<Object>> func = a -> inlineCallbacks(() -> {
            // yield a
            return a;
        });

        // Run the function
        Deferred<Object> funcD = func.apply(obj);
        assertSame(obj, successResultOf(funcD));

        WeakReference<Deferred<Object>> funcDWeakRef = new WeakReference<>(funcD);

        // Delete the local references to obj and funcD.
        obj = null;
        funcD = null;

        for (int i = 0; i < 50 && (objWeakRef.get() != null || funcDWeakRef.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }

        // The object has been freed if the weak reference returns None.
        assertNull(objWeakRef.get());
        assertNull(funcDWeakRef.get());
    }
}
