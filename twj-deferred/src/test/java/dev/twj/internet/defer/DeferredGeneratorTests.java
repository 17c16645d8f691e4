package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.inlineCallbacks;
import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.test.test_defgen.DeferredGeneratorTests}, as inlineCallbacks tests.
 *
 * <p>Twisted's file tests the deprecated {@code deferredGenerator} and {@code waitForDeferred}:
 * a generator yields {@code waitForDeferred(d)}, then calls {@code getResult()}. twj does not port
 * those; their Java form is an inlineCallbacks body calling {@code await(d)}, so each test below
 * keeps Twisted's name and checks the same behaviour on {@code Defer.inlineCallbacks}. The
 * reactor's {@code callLater(0, ...)} is a {@link FakeClock} advanced by the test.
 *
 * <p>Not ported: {@code testStackUsage2} (yielding plain values: {@code await} takes Deferreds
 * only, by type), {@code testDeferredYielding} (yielding a bare Deferred to
 * {@code deferredGenerator} is a TypeError; there is no bare yield in a body), and the two
 * {@code DeprecateDeferredGeneratorTests} (deprecation warnings of the unported functions).
 */
class DeferredGeneratorTests {
    private final FakeClock reactor = new FakeClock();

    private static final class TerminalException extends Exception {
        private static final long serialVersionUID = 1L;

        TerminalException(String message) {
            super(message);
        }
    }

    private Deferred<String> getThing() {
        Deferred<String> d = new Deferred<>();
        reactor.callLater(0, () -> d.callback("hi"));
        return d;
    }

    private Deferred<String> getOwie() {
        Deferred<String> d = new Deferred<>();
        reactor.callLater(0, () -> d.errback(new ArithmeticException("OMG")));
        return d;
    }

    /**
     * A body awaiting a Deferred which callbacks, then one which errbacks, and returning a final
     * value, works.
     */
    @Test
    public void testBasics() {
        Deferred<String> d = inlineCallbacks(() -> {
            String x = await(getThing());
            assertEquals("hi", x);
            try {
                await(getOwie());
            } catch (ArithmeticException e) {
                assertEquals("OMG", e.getMessage());
            }
            return "WOOSH";
        });
        assertNoResult(d);
        reactor.advance(0);
        reactor.advance(0);
        assertEquals("WOOSH", successResultOf(d));
    }

    /** A body that throws fails its Deferred with a Failure of that exception. */
    @Test
    public void testProducesException() {
        Deferred<Integer> d = inlineCallbacks(() -> {
            await(getThing());
            int zero = 0;
            return 1 / zero;
        });
        reactor.advance(0);
        failureResultOf(d, ArithmeticException.class);
    }

    /** A body which never awaits results in null. */
    @Test
    public void testNothing() {
        Deferred<Object> d = inlineCallbacks(() -> null);
        assertNull(successResultOf(d));
    }

    /**
     * A body awaiting a Deferred which fails, and handling the exception, does not errback its
     * Deferred.
     */
    @Test
    public void testHandledTerminalFailure() {
        Deferred<Object> d = inlineCallbacks(() -> {
            try {
                await(Defer.fail(new TerminalException("Handled Terminal Failure")), TerminalException.class);
            } catch (TerminalException e) {
                // Handled.
            }
            return null;
        });
        assertNull(successResultOf(d));
    }

    /** Like testHandledTerminalFailure, with a Deferred which fails asynchronously. */
    @Test
    public void testHandledTerminalAsyncFailure() {
        Deferred<Object> waited = new Deferred<>();
        Deferred<Object> d = inlineCallbacks(() -> {
            try {
                await(waited, TerminalException.class);
            } catch (TerminalException e) {
                // Handled.
            }
            return null;
        });
        waited.errback(new TerminalException("Handled Terminal Failure"));
        assertNull(successResultOf(d));
    }

    /** Awaiting 5,000 already-fired Deferreds does not blow the stack. */
    @Test
    public void testStackUsage() {
        Deferred<Integer> d = inlineCallbacks(() -> {
            for (int i = 0; i < 5000; i++) {
                int x = await(Defer.succeed(1));
                assertEquals(1, x);
            }
            return 0;
        });
        assertEquals(0, successResultOf(d));
    }
}
