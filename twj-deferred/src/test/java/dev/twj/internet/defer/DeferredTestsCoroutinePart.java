package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * TEMPORARY fragment of {@code twisted.test.test_defer.DeferredTests}: the methods about
 * coroutines, to be merged into {@code DeferredTests.java}. Surefire does not pick this class up
 * by name ({@code *Part}); {@link DeferredTestsCoroutinePartTests} runs it until the merge.
 */
class DeferredTestsCoroutinePart {
    /**
     * When called with a coroutine function {@link Defer#maybeDeferred} returns a
     * {@link Deferred} which has the same result as the coroutine returned by the function.
     */
    @Test
    public void test_maybeDeferredCoroutineSuccess() {
        Callable<Coroutine<Integer>> f = () -> coroutine(() -> 7);

        Deferred<Integer> coroutineDeferred = Defer.maybeDeferredCoroutine(f);
        assertEquals(7, successResultOf(coroutineDeferred));
    }

    /**
     * When called with a coroutine function {@link Defer#maybeDeferred} returns a
     * {@link Deferred} which has the same result as the coroutine returned by the function.
     */
    @Test
    public void test_maybeDeferredCoroutineSuccessIndirect() {
        Callable<Coroutine<Integer>> f = () -> coroutine(() -> 7);

        // Demonstrate that the function itself does not need to be a coroutine
        // function to trigger the coroutine-handling behavior.
        Callable<Object> g = () -> f.call();

        // Provide a simple callback mainly to ensure the type-checking on
        // maybeDeferred is correct.
        Callback<Integer, Integer> typedCallback = result -> result + 1;

        Deferred<Object> coroutineDeferred = Defer.maybeDeferred(g);
        Deferred<Integer> modifiedDeferred = coroutineDeferred.addCallback(r -> typedCallback.call((Integer) r));
        assertEquals(8, successResultOf(modifiedDeferred));
    }

    /** A private exception for {@link #test_maybeDeferredCoroutineFailure}. */
    static final class SomeException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /**
     * When called with a coroutine function {@link Defer#maybeDeferred} returns a
     * {@link Deferred} which has a {@link dev.twj.python.failure.Failure} result wrapping the
     * exception raised by the coroutine function.
     */
    @Test
    public void test_maybeDeferredCoroutineFailure() {
        Callable<Coroutine<Void>> f = () -> coroutine(() -> {
            throw new SomeException();
        });

        // Demonstrate that the function itself does not need to be a coroutine
        // function to trigger the coroutine-handling behavior.
        Callable<Object> g = () -> f.call();

        assertSame(SomeException.class, failureResultOf(Defer.maybeDeferred(g)).type());
    }

    /** It can discover the return type of a first level coroutine. */
    @Test
    public void test_fromCoroutine() {
        Supplier<Coroutine<Integer>> returnsInt = () -> coroutine(() -> 1);

        Deferred<Integer> d = Deferred.fromCoroutine(returnsInt.get());
        assertEquals(1, successResultOf(d));
    }

    /**
     * {@link Deferred#fromCoroutine} requires a coroutine object or a generator, and will reject
     * things that are not that.
     */
    @Test
    public void test_fromCoroutineRequiresCoroutine() {
        List<Object> thingsThatAreNotCoroutines = Arrays.asList(
                // Lambda
                (Function<Object, Object>) x -> x,
                // Int
                1,
                // Boolean
                true,
                // Function
                (Runnable) this::test_fromCoroutineRequiresCoroutine,
                // None
                null,
                // Module (a Java class stands for a Python module)
                Defer.class);

        for (Object thing : thingsThatAreNotCoroutines) {
            assertThrows(NotACoroutineError.class, () -> Deferred.fromCoroutine(thing));
        }
    }
}
