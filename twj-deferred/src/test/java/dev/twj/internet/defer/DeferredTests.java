package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.DeferredAssertions.assertNoResult;
import static dev.twj.internet.defer.DeferredAssertions.failureResultOf;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.DeferredList.FirstResult;
import dev.twj.internet.defer.DeferredList.Option;
import dev.twj.internet.defer.DeferredList.Outcome;
import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Format;
import dev.twj.logger.Global;
import dev.twj.logger.ILogObserver;
import dev.twj.logger.LogLevel;
import dev.twj.python.failure.Failure;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link Deferred}: port of the core of {@code twisted.test.test_defer.DeferredTests}.
 *
 * <p>Python's {@code addCallback(f, *args, **kwargs)} becomes a lambda capturing the extra
 * arguments: {@code addCallback(r -> f(r, "world"))}. Python's {@code l.append} as a callback
 * becomes {@link #append}, which returns {@code null} as {@code list.append} returns None.
 *
 * <p>Not ported, because Java has nothing they could test: {@code test_errbackWithNoArgsNoDebug}
 * and {@code test_errbackWithNoArgs} (Java has no "current exception" for a no-argument
 * {@code errback()}), {@code test_errorInCallbackDoesNotCaptureVars} and
 * {@code test_errorInCallbackCapturesVarsWhenDebugging} (a Java exception carries no frame locals
 * or globals), {@code test_circularChainException} (Java has no warnings filter that turns the
 * circular-chain warning into an exception).
 */
final class DeferredTests {
    /** An error for the tests to raise: Twisted's {@code GenericError}. */
    static final class GenericError extends Exception {
        private static final long serialVersionUID = 1L;

        GenericError(String message) {
            super(message);
        }
    }

    /** The arguments a test callback received: Twisted's {@code (args, kwargs)} tuple. */
    record Call(List<Object> args, Map<String, Object> kwargs) {}

    private Call callbackResults;
    private Call callback2Results;
    private Call errbackResults;
    private boolean debugging;

    /** Remembers the debug flag, to restore it when done. */
    @BeforeEach
    public void setUp() {
        debugging = Defer.getDebugging();
    }

    /** Restores the debug flag to its original state. */
    @AfterEach
    public void tearDown() {
        Defer.setDebugging(debugging);
    }

    private Object _callback(Object... args) {
        return _callbackKw(Map.of(), args);
    }

    private Object _callbackKw(Map<String, Object> kwargs, Object... args) {
        callbackResults = new Call(Arrays.asList(args), kwargs);
        return args[0];
    }

    private <R> R _callback2(Object... args) {
        callback2Results = new Call(Arrays.asList(args), Map.of());
        return null;
    }

    private <R> R _errback(Failure... args) {
        errbackResults = new Call(Arrays.asList((Object[]) args), Map.of());
        return null;
    }

    /** Python's {@code l.append} as a callback: appends the result and returns null. */
    static <T, R> Callback<T, R> append(List<? super T> list) {
        return result -> {
            list.add(result);
            return null;
        };
    }

    /** Python's {@code l.append} as an errback: appends the failure and returns null. */
    static <R> Errback<R> appendFailure(List<? super Failure> list) {
        return failure -> {
            list.add(failure);
            return null;
        };
    }

    /** Python's tuple {@code (a, b)}. */
    private static List<Object> tuple(Object a, Object b) {
        return Arrays.asList(a, b);
    }

    /**
     * Assert that the given Deferred current result is a Failure with the given exception
     * ({@code ImmediateFailureMixin.assertImmediateFailure}).
     *
     * @return the exception in the Deferred
     */
    static <X extends Throwable> X assertImmediateFailure(Deferred<?> deferred, Class<X> exception) {
        List<Failure> failures = new ArrayList<>();
        deferred.addErrback(appendFailure(failures));
        assertEquals(1, failures.size());
        assertNotNull(failures.get(0).check(exception));
        return exception.cast(failures.get(0).value());
    }

    private static String id(Object o) {
        return Integer.toHexString(System.identityHashCode(o));
    }

    /** A callback added with no extra arguments receives the result alone. */
    @Test
    public void testCallbackWithoutArgs() {
        Deferred<String> deferred = new Deferred<>();
        deferred.addCallback(this::_callback);
        deferred.callback("hello");
        assertNull(errbackResults);
        assertEquals(new Call(List.of("hello"), Map.of()), callbackResults);
    }

    /** A callback's extra positional arguments (captured by its lambda) follow the result. */
    @Test
    public void testCallbackWithArgs() {
        Deferred<String> deferred = new Deferred<>();
        deferred.addCallback(r -> _callback(r, "world"));
        deferred.callback("hello");
        assertNull(errbackResults);
        assertEquals(new Call(List.of("hello", "world"), Map.of()), callbackResults);
    }

    /** A callback's extra keyword arguments (captured by its lambda) reach it. */
    @Test
    public void testCallbackWithKwArgs() {
        Deferred<String> deferred = new Deferred<>();
        deferred.addCallback(r -> _callbackKw(Map.of("world", "world"), r));
        deferred.callback("hello");
        assertNull(errbackResults);
        assertEquals(new Call(List.of("hello"), Map.of("world", "world")), callbackResults);
    }

    /** Each callback receives what the one before it returned. */
    @Test
    public void testTwoCallbacks() {
        Deferred<String> deferred = new Deferred<>();
        deferred.addCallback(this::_callback);
        deferred.addCallback(this::_callback2);
        deferred.callback("hello");
        assertNull(errbackResults);
        assertEquals(new Call(List.of("hello"), Map.of()), callbackResults);
        assertEquals(new Call(List.of("hello"), Map.of()), callback2Results);
    }

    /** If given null for an errback, addCallbacks uses a pass-through. */
    @Test
    public void test_addCallbacksNoneErrback() {
        GenericError error = new GenericError("oopsie");
        Deferred<Void> deferred = new Deferred<>();
        deferred.addCallbacks(this::_callback, null);
        deferred.errback(error);
        deferred.addErrback(this::_errback);
        assertNull(callbackResults);
        assertNotNull(errbackResults);
        assertEquals(1, errbackResults.args().size());
        assertSame(error, ((Failure) errbackResults.args().get(0)).value());
        assertEquals(Map.of(), errbackResults.kwargs());
    }

    /**
     * If given None as a callback args and kwargs, () and {} are used. In Java a callback's extra
     * arguments are what its lambda captures; a callback capturing none gets the result alone.
     */
    @Test
    public void test_addCallbacksNoneCallbackArgs() {
        Deferred<String> deferred = new Deferred<>();
        deferred.addCallbacks(r -> _callback(r), f -> _errback(f));
        deferred.callback("hello");
        assertNull(errbackResults);
        assertEquals(new Call(List.of("hello"), Map.of()), callbackResults);
    }

    /**
     * If given None as a errback args and kwargs, () and {} are used. In Java an errback's extra
     * arguments are what its lambda captures; an errback capturing none gets the failure alone.
     */
    @Test
    public void test_addCallbacksNoneErrbackArgs() {
        GenericError error = new GenericError("oopsie");
        Deferred<Void> deferred = new Deferred<>();
        deferred.addCallbacks(r -> _callback(r), f -> _errback(f));
        deferred.errback(error);
        deferred.addErrback(this::_errback);
        assertNull(callbackResults);
        assertNotNull(errbackResults);
        assertEquals(1, errbackResults.args().size());
        assertSame(error, ((Failure) errbackResults.args().get(0)).value());
        assertEquals(Map.of(), errbackResults.kwargs());
    }

    /** Callbacks added to {@link Defer#succeed}'s Deferred run at once with its result. */
    @Test
    public void testImmediateSuccess() {
        List<String> l = new ArrayList<>();
        Deferred<String> d = Defer.succeed("success");
        d.addCallback(append(l));
        assertEquals(List.of("success"), l);
    }

    /**
     * {@code Defer.succeed(x)} is the same as {@code d = new Deferred(); d.callback(x)}. Python
     * compares the two objects' {@code __dict__}; here, every instance field of {@link Deferred}.
     */
    @Test
    public void test_succeedMatchesManualSuccess() throws IllegalAccessException {
        Deferred<String> d = new Deferred<>();
        d.callback("success");
        Deferred<String> d2 = Defer.succeed("success");
        int compared = 0;
        for (Field field : Deferred.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            assertTrue(Objects.deepEquals(field.get(d), field.get(d2)), field.getName());
            compared++;
        }
        assertTrue(compared > 0);
    }

    /** Errbacks added to {@link Defer#fail}'s Deferred run at once with its failure. */
    @Test
    public void testImmediateFailure() {
        List<Failure> l = new ArrayList<>();
        Deferred<Void> d = Defer.fail(new GenericError("fail"));
        d.addErrback(appendFailure(l));
        assertEquals("fail", l.get(0).value().getMessage());
    }

    /** Errbacks added to a paused failed Deferred run only when it is unpaused. */
    @Test
    public void testPausedFailure() {
        List<Failure> l = new ArrayList<>();
        Deferred<Void> d = Defer.fail(new GenericError("fail"));
        d.pause();
        d.addErrback(appendFailure(l));
        assertEquals(List.of(), l);
        d.unpause();
        assertEquals("fail", l.get(0).value().getMessage());
    }

    /** A callback that throws, or returns a {@link Failure}, moves the chain to its errbacks. */
    @Test
    public void testCallbackErrors() {
        List<Failure> l = new ArrayList<>();
        int zero = 0;
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(ignored -> 1 / zero).addErrback(appendFailure(l));
        d.callback(1);
        assertInstanceOf(ArithmeticException.class, l.get(0).value());
        l.clear();
        Deferred<Integer> d2 = new Deferred<>();
        d2.addCallback(ignored -> new Failure(new ArithmeticException())).addErrback(appendFailure(l));
        d2.callback(1);
        assertInstanceOf(ArithmeticException.class, l.get(0).value());
    }

    /**
     * Unpausing an unfired Deferred runs nothing and raises nothing. (Twisted's test asserts only
     * that no exception escapes; the callback not having run is what that means.)
     */
    @Test
    public void testUnpauseBeforeCallback() {
        Deferred<Void> d = new Deferred<>();
        d.pause();
        d.addCallback(this::_callback);
        d.unpause();
        assertNull(callbackResults);
        assertEquals(0, d.paused());
    }

    /**
     * Callbacks passed to {@link Deferred#addCallback} can return Deferreds and the next callback
     * will not be run until that Deferred fires.
     */
    @Test
    public void test_callbackReturnsDeferred() {
        Deferred<Integer> d1 = new Deferred<>();
        Deferred<Integer> d2 = new Deferred<>();
        d2.pause();
        d1.addCallback(r -> d2);
        d1.addCallback(this::_callback);
        d1.callback(1);
        assertNull(callbackResults, "Should not have been called yet.");
        d2.callback(2);
        assertNull(callbackResults, "Still should not have been called yet.");
        d2.unpause();
        assertNotNull(callbackResults, "Should have been called now");
        assertEquals(2, callbackResults.args().get(0),
                "Result should have been from second deferred:" + callbackResults);
    }

    /** Callbacks passed to addCallback may return Failures. */
    @Test
    public void test_callbackMaybeReturnsFailure() {
        boolean[] shouldFail = {false};
        RuntimeException rte = new RuntimeException();
        Callback<Object, Object> maybeFail = result -> {
            if (shouldFail[0]) {
                return new Failure(rte);
            } else {
                return (Integer) result + 1;
            }
        };

        Deferred<Object> d = new Deferred<>();
        d.callback(6);
        assertEquals(7, successResultOf(d.addCallback(maybeFail)));
        d = new Deferred<>();
        shouldFail[0] = true;
        d.callback(6);
        assertSame(rte, failureResultOf(
                d.addCallback(maybeFail).addCallback(maybeFail), RuntimeException.class).value());
    }

    /** Errbacks passed to {@link Deferred#addErrback} can return Deferreds just as callbacks can. */
    @Test
    public void test_errbackReturnsDeferred() {
        Deferred<Object> d = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        List<Object> resultValues = new ArrayList<>();

        Errback<Deferred<String>> asyncErrback = result -> d2;
        Callback<Object, Void> syncCallback = result -> {
            resultValues.add(result);
            return null;
        };

        d.addErrbackDeferred(asyncErrback).addCallback(syncCallback);
        d.errback(new IllegalArgumentException());
        assertNoResult(d);
        assertEquals(List.of(), resultValues);
        d2.callback("result");
        assertEquals(List.of("result"), resultValues);
    }

    /**
     * When a paused Deferred with a result is returned from a callback on another Deferred, the
     * other Deferred is chained to the first and waits for it to be unpaused.
     */
    @Test
    public void test_chainedPausedDeferredWithResult() {
        Object expected = new Object();
        Deferred<Object> paused = new Deferred<>();
        paused.callback(expected);
        paused.pause();
        Deferred<Void> chained = new Deferred<>();
        chained.addCallback(ignored -> paused);
        chained.callback(null);

        List<Object> result = new ArrayList<>();
        chained.addCallback(append(result));
        assertEquals(List.of(), result);
        paused.unpause();
        assertEquals(List.of(expected), result);
    }

    /**
     * A paused Deferred encountered while pushing a result forward through a chain does not prevent
     * earlier Deferreds from continuing to execute their callbacks.
     */
    @Test
    public void test_pausedDeferredChained() {
        Deferred<Void> first = new Deferred<>();
        Deferred<Void> second = new Deferred<>();
        first.addCallback(ignored -> second);
        first.callback(null);
        first.pause();
        second.callback(null);
        List<Object> result = new ArrayList<>();
        second.addCallback(append(result));
        assertEquals(Collections.singletonList(null), result);
    }

    /**
     * {@link Defer#maybeDeferred} should retrieve the result of a synchronous function and pass it
     * to its resulting Deferred.
     */
    @Test
    public void test_maybeDeferredSync() {
        Object result = new Object();
        List<Object> results = new ArrayList<>();
        List<Failure> errors = new ArrayList<>();
        Deferred<Object> d = Defer.maybeDeferred(() -> result);
        d.addCallbacks(append(results), appendFailure(errors));
        assertEquals(List.of(), errors);
        assertEquals(1, results.size());
        assertSame(result, results.get(0));
    }

    /**
     * {@link Defer#maybeDeferred} should pass arguments to the called function (in Java, the
     * lambda captures them).
     */
    @Test
    public void test_maybeDeferredSyncWithArgs() {
        Callback<Integer, Integer> plusFive = x -> x + 5;

        List<Integer> results = new ArrayList<>();
        List<Failure> errors = new ArrayList<>();
        Deferred<Integer> d = Defer.maybeDeferred(() -> plusFive.call(10));
        d.addCallbacks(append(results), appendFailure(errors));
        assertEquals(List.of(), errors);
        assertEquals(List.of(15), results);
    }

    /**
     * {@link Defer#maybeDeferred} should catch an exception raised by a synchronous function and
     * errback its resulting Deferred with it.
     */
    @Test
    public void test_maybeDeferredSyncException() {
        IllegalArgumentException expected = new IllegalArgumentException("that value is unacceptable");

        List<Integer> results = new ArrayList<>();
        List<Failure> errors = new ArrayList<>();
        Defer.<Integer>maybeDeferred(() -> {
            throw expected;
        }).addCallbacks(append(results), appendFailure(errors));
        assertEquals(List.of(), results);
        assertEquals(1, errors.size());
        assertEquals(expected.getMessage(), errors.get(0).value().getMessage());
    }

    /**
     * {@link Defer#maybeDeferred} should handle a {@link Failure} returned by a function and
     * errback with it.
     */
    @Test
    public void test_maybeDeferredSyncFailure() {
        Failure expected;
        try {
            Object ten = "10";
            Integer unused = (Integer) ten;
            throw new AssertionError("not a ClassCastException: " + unused);
        } catch (ClassCastException e) {
            expected = new Failure(e);
        }
        Failure returned = expected;

        List<Object> results = new ArrayList<>();
        List<Failure> errors = new ArrayList<>();
        Deferred<Object> d = Defer.maybeDeferred(() -> returned);
        d.addCallbacks(append(results), appendFailure(errors));
        assertEquals(List.of(), results);
        assertEquals(1, errors.size());
        assertSame(expected, errors.get(0));
    }

    /**
     * {@link Defer#maybeDeferred} should let a Deferred instance pass by so that original result
     * is the same.
     */
    @Test
    public void test_maybeDeferredAsync() {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = Defer.maybeDeferredDeferred(() -> d1);
        d1.callback("Success");
        List<String> result = new ArrayList<>();
        d2.addCallback(append(result));
        assertEquals(List.of("Success"), result);
    }

    /**
     * {@link Defer#maybeDeferred} should let a Deferred instance pass by so that the
     * {@link Failure} returned by the original instance is the same.
     */
    @Test
    public void test_maybeDeferredAsyncError() {
        Deferred<Void> d1 = new Deferred<>();
        Deferred<Void> d2 = Defer.maybeDeferredDeferred(() -> d1);
        d1.errback(new Failure(new RuntimeException()));
        assertImmediateFailure(d2, RuntimeException.class);
    }

    /**
     * When a Deferred encounters a result which is another Deferred which is waiting on a third
     * Deferred, the middle Deferred's callbacks are executed after the third Deferred fires and
     * before the first receives a result.
     */
    @Test
    public void test_innerCallbacksPreserved() {
        List<Object> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Deferred<String> inner = new Deferred<>();

        Callback<String, Deferred<String>> cb = result -> {
            results.add(tuple("start-of-cb", result));
            Deferred<String> d = Defer.succeed("inner");

            Callback<String, Deferred<String>> firstCallback = r -> {
                results.add(tuple("firstCallback", "inner"));
                return inner;
            };
            Callback<String, String> secondCallback = r -> {
                results.add(tuple("secondCallback", r));
                return r + r;
            };

            d.addCallbackDeferred(firstCallback).addCallback(secondCallback);
            d.addErrback(appendFailure(failures));
            return d;
        };

        Deferred<String> outer = Defer.succeed("outer");
        outer.addCallbackDeferred(cb);
        inner.callback("orange");
        outer.addCallback(append(results));
        inner.addErrback(appendFailure(failures));
        outer.addErrback(appendFailure(failures));
        assertEquals(List.of(), failures);
        assertEquals(
                List.of(
                        tuple("start-of-cb", "outer"),
                        tuple("firstCallback", "inner"),
                        tuple("secondCallback", "orange"),
                        "orangeorange"),
                results);
    }

    /**
     * A callback added to a Deferred by a callback on that Deferred should be added to the end of
     * the callback chain.
     */
    @Test
    public void test_reentrantRunCallbacks() {
        Deferred<Void> deferred = new Deferred<>();
        List<Integer> called = new ArrayList<>();

        Callback<Object, Void> callback3 = result -> {
            called.add(3);
            return null;
        };
        Callback<Object, Void> callback2 = result -> {
            called.add(2);
            return null;
        };
        Callback<Object, Void> callback1 = result -> {
            called.add(1);
            deferred.addCallback(callback3);
            return null;
        };

        deferred.addCallback(callback1);
        deferred.addCallback(callback2);
        deferred.callback(null);
        assertEquals(List.of(1, 2, 3), called);
    }

    /**
     * A callback added to a Deferred by a callback on that Deferred should not be executed until
     * the running callback returns.
     */
    @Test
    public void test_nonReentrantCallbacks() {
        Deferred<Void> deferred = new Deferred<>();
        List<Integer> called = new ArrayList<>();

        Callback<Object, Void> callback2 = result -> {
            called.add(2);
            return null;
        };
        Callback<Object, Void> callback1 = result -> {
            called.add(1);
            deferred.addCallback(callback2);
            assertEquals(List.of(1), called);
            return null;
        };

        deferred.addCallback(callback1);
        deferred.callback(null);
        assertEquals(List.of(1, 2), called);
    }

    /**
     * After an exception is raised by a callback which was added to a Deferred by a callback on
     * that Deferred, the Deferred should call the first errback with a {@link Failure} wrapping
     * that exception.
     */
    @Test
    public void test_reentrantRunCallbacksWithFailure() {
        String exceptionMessage = "callback raised exception";
        Deferred<Void> deferred = new Deferred<>();

        Callback<Object, Void> callback2 = result -> {
            throw new Exception(exceptionMessage);
        };
        Callback<Object, Void> callback1 = result -> {
            deferred.addCallback(callback2);
            return null;
        };

        deferred.addCallback(callback1);
        deferred.callback(null);
        Exception exception = assertImmediateFailure(deferred, Exception.class);
        assertEquals(exceptionMessage, exception.getMessage());
    }

    /**
     * If a first Deferred with a result is returned from a callback on a second Deferred, the
     * result of the second Deferred becomes the result of the first Deferred and the result of the
     * first Deferred becomes null.
     */
    @Test
    public void test_synchronousImplicitChain() {
        Object result = new Object();
        Deferred<Object> first = Defer.succeed(result);
        Deferred<Void> second = new Deferred<>();
        second.addCallback(ign -> first);
        second.callback(null);

        List<Object> results = new ArrayList<>();
        first.addCallback(append(results));
        assertNull(results.get(0));
        second.addCallback(append(results));
        assertSame(result, results.get(1));
    }

    /**
     * If a first Deferred without a result is returned from a callback on a second Deferred, the
     * result of the second Deferred becomes the result of the first Deferred as soon as the first
     * Deferred has one and the result of the first Deferred becomes null.
     */
    @Test
    public void test_asynchronousImplicitChain() {
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        second.addCallback(ign -> first);
        second.callback(null);

        List<Object> firstResult = new ArrayList<>();
        first.addCallback(append(firstResult));
        List<Object> secondResult = new ArrayList<>();
        second.addCallback(append(secondResult));

        assertEquals(List.of(), firstResult);
        assertEquals(List.of(), secondResult);

        Object result = new Object();
        first.callback(result);

        assertEquals(Collections.singletonList(null), firstResult);
        assertEquals(List.of(result), secondResult);
    }

    /**
     * If a first Deferred with a {@link Failure} result is returned from a callback on a second
     * Deferred, the first Deferred's result is converted to null and no unhandled error is logged
     * when it is garbage collected.
     */
    @Test
    public void test_synchronousImplicitErrorChain() {
        Deferred<Void> first = Defer.fail(new RuntimeException("First Deferred's Failure"));

        Callback<Object, Deferred<Void>> cb = ignored -> first;

        Deferred<Void> second = new Deferred<>();
        second.addCallbackDeferred(cb);
        second.callback(null);
        List<Object> firstResult = new ArrayList<>();
        first.addCallback(append(firstResult));
        assertNull(firstResult.get(0));
        assertImmediateFailure(second, RuntimeException.class);
    }

    /**
     * Let {@code a} and {@code b} be two Deferreds.
     *
     * <p>If {@code a} has no result and is returned from a callback on {@code b} then when
     * {@code a} fails, {@code b}'s result becomes the {@link Failure} that was {@code a}'s result,
     * the result of {@code a} becomes null so that no unhandled error is logged when it is garbage
     * collected.
     */
    @Test
    public void test_asynchronousImplicitErrorChain() {
        Deferred<Void> first = new Deferred<>();
        Deferred<Void> second = new Deferred<>();
        second.addCallbackDeferred(ign -> first);
        second.callback(null);
        List<Failure> secondError = new ArrayList<>();
        second.addErrback(appendFailure(secondError));

        List<Object> firstResult = new ArrayList<>();
        first.addCallback(append(firstResult));
        List<Object> secondResult = new ArrayList<>();
        second.addCallback(append(secondResult));

        assertEquals(List.of(), firstResult);
        assertEquals(List.of(), secondResult);

        first.errback(new RuntimeException("First Deferred's Failure"));
        assertNotNull(secondError.get(0).check(RuntimeException.class));
        assertEquals(Collections.singletonList(null), firstResult);
        assertEquals(1, secondResult.size());
    }

    /**
     * Deferred chaining is transitive.
     *
     * <p>In other words, let A, B, and C be Deferreds. If C is returned from a callback on B and B
     * is returned from a callback on A then when C fires, A fires.
     */
    @Test
    public void test_doubleAsynchronousImplicitChaining() {
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        second.addCallbackDeferred(ign -> first);
        Deferred<Object> third = new Deferred<>();
        third.addCallbackDeferred(ign -> second);

        List<Object> thirdResult = new ArrayList<>();
        third.addCallback(append(thirdResult));

        Object result = new Object();
        // After this, second is waiting for first to tell it to continue.
        second.callback(null);
        // And after this, third is waiting for second to tell it to continue.
        third.callback(null);

        // Still waiting
        assertEquals(List.of(), thirdResult);

        // This will tell second to continue which will tell third to continue.
        first.callback(result);

        assertEquals(List.of(result), thirdResult);
    }

    /**
     * Deferreds can have callbacks that themselves return Deferreds. When these "inner" Deferreds
     * fire (even asynchronously), the callback chain continues.
     */
    @Test
    public void test_nestedAsynchronousChainedDeferreds() {
        List<Object> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();

        // A Deferred returned in the inner callback.
        Deferred<String> inner = new Deferred<>();

        Callback<String, Deferred<String>> cb = result -> {
            results.add(tuple("start-of-cb", result));
            Deferred<String> d = Defer.succeed("inner");

            Callback<String, Deferred<String>> firstCallback = r -> {
                results.add(tuple("firstCallback", "inner"));
                // Return a Deferred that definitely has not fired yet, so we can fire the
                // Deferreds out of order.
                return inner;
            };
            Callback<String, String> secondCallback = r -> {
                results.add(tuple("secondCallback", r));
                return r + r;
            };

            d.addCallbackDeferred(firstCallback).addCallback(secondCallback);
            d.addErrback(appendFailure(failures));
            return d;
        };

        // Create a synchronous Deferred that has a callback 'cb' that returns a Deferred 'd' that
        // has fired but is now waiting on an unfired Deferred 'inner'.
        Deferred<Void> outer = Defer.succeed("outer").addCallbackDeferred(cb).addCallback(append(results));
        // At this point, the callback 'cb' has been entered, and the first callback of 'd' has
        // been called.
        assertEquals(List.of(tuple("start-of-cb", "outer"), tuple("firstCallback", "inner")), results);

        // Once the inner Deferred is fired, processing of the outer Deferred's callback chain
        // continues.
        inner.callback("orange");

        // Make sure there are no errors.
        inner.addErrback(appendFailure(failures));
        outer.addErrback(appendFailure(failures));
        assertEquals(List.of(), failures, "Got errbacks but wasn't expecting any.");

        assertEquals(
                List.of(
                        tuple("start-of-cb", "outer"),
                        tuple("firstCallback", "inner"),
                        tuple("secondCallback", "orange"),
                        "orangeorange"),
                results);
    }

    /**
     * Deferreds can have callbacks that themselves return Deferreds. These Deferreds can have other
     * callbacks added before they are returned, which subtly changes the callback chain. When these
     * "inner" Deferreds fire (even asynchronously), the outer callback chain continues.
     */
    @Test
    public void test_nestedAsynchronousChainedDeferredsWithExtraCallbacks() {
        List<Object> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();

        // A Deferred returned in the inner callback after a callback is added explicitly and
        // directly to it.
        Deferred<String> inner = new Deferred<>();

        Callback<String, Deferred<List<String>>> cb = result -> {
            results.add(tuple("start-of-cb", result));
            Deferred<String> d = Defer.succeed("inner");

            Callback<String, Deferred<List<String>>> firstCallback = r -> {
                results.add(tuple("firstCallback", r));
                // Return a Deferred that definitely has not fired yet with a result-transforming
                // callback so we can fire the Deferreds out of order and see how the callback
                // affects the ultimate results.
                Callback<String, List<String>> transform = s -> List.of(s);
                return inner.addCallback(transform);
            };
            Callback<List<String>, List<String>> secondCallback = r -> {
                results.add(tuple("secondCallback", r));
                List<String> twice = new ArrayList<>(r);
                twice.addAll(r);
                return twice;
            };

            return d.addCallbackDeferred(firstCallback)
                    .addCallback(secondCallback)
                    .addErrback(appendFailure(failures));
        };

        // Create a synchronous Deferred that has a callback 'cb' that returns a Deferred 'd' that
        // has fired but is now waiting on an unfired Deferred 'inner'.
        Deferred<String> outer = Defer.succeed("outer");
        outer.addCallbackDeferred(cb);
        outer.addCallback(append(results));
        // At this point, the callback 'cb' has been entered, and the first callback of 'd' has
        // been called.
        assertEquals(List.of(tuple("start-of-cb", "outer"), tuple("firstCallback", "inner")), results);

        // Once the inner Deferred is fired, processing of the outer Deferred's callback chain
        // continues.
        inner.callback("withers");

        // Make sure there are no errors.
        outer.addErrback(appendFailure(failures));
        inner.addErrback(appendFailure(failures));
        assertEquals(List.of(), failures, "Got errbacks but wasn't expecting any.");

        assertEquals(
                List.of(
                        tuple("start-of-cb", "outer"),
                        tuple("firstCallback", "inner"),
                        tuple("secondCallback", List.of("withers")),
                        List.of("withers", "withers")),
                results);
    }

    /** When we chain a Deferred, that chaining is recorded explicitly. */
    @Test
    public void test_chainDeferredRecordsExplicitChain() {
        Deferred<Void> a = new Deferred<>();
        Deferred<Void> b = new Deferred<>();
        b.chainDeferred(a);
        assertSame(b, a.chainedTo());
    }

    /**
     * Any recorded chaining is cleared once the chaining is resolved, since it no longer exists.
     *
     * <p>In other words, if one Deferred is recorded as depending on the result of another, and
     * <i>that</i> Deferred has fired, then the dependency is resolved and we no longer benefit
     * from recording it.
     */
    @Test
    public void test_explicitChainClearedWhenResolved() {
        Deferred<Void> a = new Deferred<>();
        Deferred<Void> b = new Deferred<>();
        b.chainDeferred(a);
        b.callback(null);
        assertNull(a.chainedTo());
    }

    /**
     * We can chain Deferreds implicitly by adding callbacks that return Deferreds. When this
     * chaining happens, we record it explicitly as soon as we can find out about it.
     */
    @Test
    public void test_chainDeferredRecordsImplicitChain() {
        Deferred<Void> a = new Deferred<>();
        Deferred<Void> b = new Deferred<>();
        a.addCallbackDeferred(ignored -> b);
        a.callback(null);
        assertSame(b, a.chainedTo());
    }

    /**
     * When a Deferred is returned from a callback directly attached to that same Deferred, a
     * warning is emitted. (Python emits a {@code DeprecationWarning} naming the callback; twj logs
     * a warning event whose {@code callback} field is the offending callback.)
     */
    @Test
    public void test_circularChainWarning() {
        Deferred<String> d = new Deferred<>();

        Callback<String, Deferred<String>> circularCallback = result -> d;

        d.addCallbackDeferred(circularCallback);
        List<Map<String, Object>> circularWarnings;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            d.callback("foo");
            circularWarnings = logs.events().stream()
                    .filter(event -> event.get("callback") == circularCallback)
                    .toList();
        }

        assertEquals(1, circularWarnings.size());
        Map<String, Object> warning = circularWarnings.get(0);
        assertEquals(LogLevel.warn, warning.get("log_level"));
        String pattern = "Callback returned the Deferred it was attached to";
        String message = Format.formatEvent(warning);
        assertTrue(Pattern.compile(pattern).matcher(message).find(),
                "\nExpected match: " + pattern + "\nGot: " + message);
    }

    /** The {@code toString()} of a Deferred contains the class name and its identity hash. */
    @Test
    public void test_repr() {
        Deferred<Void> d = new Deferred<>();
        assertEquals("<Deferred at 0x" + id(d) + ">", d.toString());
    }

    /**
     * If a Deferred has been fired, then its {@code toString()} contains its result (with the
     * result's {@code toString()}: Python shows {@code 'orange'}, with the quotes of its repr).
     */
    @Test
    public void test_reprWithResult() {
        Deferred<String> d = new Deferred<>();
        d.callback("orange");
        assertEquals("<Deferred at 0x" + id(d) + " current result: orange>", d.toString());
    }

    /**
     * If a Deferred {@code a} has been fired, but is waiting on another Deferred {@code b} that
     * appears in its callback chain, then {@code a.toString()} says that it is waiting on
     * {@code b}.
     */
    @Test
    public void test_reprWithChaining() {
        Deferred<Void> a = new Deferred<>();
        Deferred<Void> b = new Deferred<>();
        b.chainDeferred(a);
        assertEquals("<Deferred at 0x" + id(a) + " waiting on Deferred at 0x" + id(b) + ">", a.toString());
    }

    /** The depth of the call stack does not grow as more Deferred instances are chained together. */
    @Test
    public void test_boundedStackDepth() {
        // Callbacks should be invoked at the same stack depth regardless of how many Deferreds are
        // chained.
        assertEquals(chainDeferreds(1), chainDeferreds(2));
    }

    private static int chainDeferreds(int howMany) {
        List<Integer> stack = new ArrayList<>();

        Callback<Object, Void> recordStackDepth = ignored -> {
            stack.add((int) StackWalker.getInstance().walk(frames -> frames.count()).longValue());
            return null;
        };

        Deferred<Object> top = new Deferred<>();
        List<Deferred<Object>> innerDeferreds = new ArrayList<>();
        for (int i = 0; i < howMany; i++) {
            innerDeferreds.add(new Deferred<>());
        }
        List<Deferred<Object>> originalInners = new ArrayList<>(innerDeferreds);
        Deferred<Object> last = new Deferred<>();

        Deferred<Object> inner = innerDeferreds.remove(innerDeferreds.size() - 1);
        Deferred<Object> firstInner = inner;

        top.addCallbackDeferred(ignored -> firstInner);
        top.addCallback(recordStackDepth);

        while (!innerDeferreds.isEmpty()) {
            Deferred<Object> newInner = innerDeferreds.remove(innerDeferreds.size() - 1);
            inner.addCallbackDeferred(ignored -> newInner);
            inner = newInner;
        }

        inner.addCallbackDeferred(ign -> last);

        top.callback(null);
        for (Deferred<Object> d : originalInners) {
            d.callback(null);
        }

        // Sanity check - the record callback is not intended to have fired yet.
        assertEquals(List.of(), stack);

        // Now fire the last thing and return the stack depth at which the callback was invoked.
        last.callback(null);
        return stack.get(0);
    }

    /**
     * Given three Deferreds, one chained to the next chained to the next, callbacks on the middle
     * Deferred which are added after the chain is created are called once the last Deferred fires.
     *
     * <p>This is more of a regression-style test. It doesn't exercise any particular code path
     * through the current implementation of Deferred, but it does exercise a broken codepath
     * through one of the variations of the implementation proposed as a resolution to Twisted
     * ticket #411.
     */
    @Test
    public void test_resultOfDeferredResultOfDeferredOfFiredDeferredCalled() {
        Deferred<Void> first = new Deferred<>();
        Deferred<Void> second = new Deferred<>();
        Deferred<Void> third = new Deferred<>();
        first.addCallbackDeferred(ignored -> second);
        second.addCallbackDeferred(ignored -> third);
        second.callback(null);
        first.callback(null);
        third.callback(null);
        List<Object> results = new ArrayList<>();
        second.addCallback(append(results));
        assertEquals(Collections.singletonList(null), results);
    }

    /** A canceller that does nothing, holding a reference to its Deferred for the GC tests. */
    static final class DummyCanceller implements Canceller<Object> {
        Deferred<Object> deferred;

        /** This is not expected to be called as part of the current test suite. */
        @Override
        public void cancel(Deferred<Object> d) {}
    }

    /** Asks for collections until every reference is cleared, or gives up after a while. */
    static void collect(WeakReference<?>... refs) {
        for (int i = 0; i < 20 && Arrays.stream(refs).anyMatch(r -> r.get() != null); i++) {
            System.gc();
        }
    }

    /**
     * A circular reference between a Deferred and its canceller is broken when the deferred is
     * called.
     */
    @Test
    public void test_canceller_circular_reference_callback() {
        // Create a canceller and weak reference to track if its been freed.
        DummyCanceller canceller = new DummyCanceller();
        WeakReference<DummyCanceller> weakCanceller = new WeakReference<>(canceller);

        // Create a Deferred with the above canceller, adding a reference to the deferred to the
        // canceller to create the circular reference.
        Deferred<Object> deferred = new Deferred<>(canceller);
        canceller.deferred = deferred;
        WeakReference<Deferred<Object>> weakDeferred = new WeakReference<>(deferred);

        deferred.callback(null);

        // We manually remove the reference from the local function scope, to avoid interfering
        // with the test.
        deferred = null;
        canceller = null;

        // Once all local references have been dropped, the canceller should have been freed.
        collect(weakCanceller, weakDeferred);
        assertNull(weakCanceller.get());
        assertNull(weakDeferred.get());
    }

    /**
     * A circular reference between a Deferred and its canceller is broken when the deferred fails.
     */
    @Test
    public void test_canceller_circular_reference_errback() {
        // Create a canceller and weak reference to track if its been freed.
        DummyCanceller canceller = new DummyCanceller();
        WeakReference<DummyCanceller> weakCanceller = new WeakReference<>(canceller);

        // Create a Deferred with the above canceller, adding a reference to the deferred to the
        // canceller to create the circular reference.
        Deferred<Object> deferred = new Deferred<>(canceller);
        canceller.deferred = deferred;
        WeakReference<Deferred<Object>> weakDeferred = new WeakReference<>(deferred);

        Failure failure = new Failure(new Exception("The test demands failures."));
        deferred.errback(failure);

        // We need to get the failure out of the deferred otherwise the test will fail due to
        // unhandled error.
        failureResultOf(deferred);

        deferred = null;
        canceller = null;

        // Once all local references have been dropped, the canceller should have been freed.
        collect(weakCanceller, weakDeferred);
        assertNull(weakCanceller.get());
        assertNull(weakDeferred.get());
    }

    /**
     * A circular reference between a Deferred and its canceller is broken when the deferred is
     * called, even if another deferred gets added to its chain.
     */
    @Test
    public void test_canceller_circular_reference_non_final() {
        // Create a canceller and weak reference to track if its been freed.
        DummyCanceller canceller = new DummyCanceller();
        WeakReference<DummyCanceller> weakCanceller = new WeakReference<>(canceller);

        // Create a Deferred with the above canceller, adding a reference to the deferred to the
        // canceller to create the circular reference.
        Deferred<Object> deferred = new Deferred<>(canceller);
        canceller.deferred = deferred;

        deferred.addCallbackDeferred(ignored -> new Deferred<>());
        deferred.callback(null);

        deferred = null;
        canceller = null;

        // Once all local references have been dropped, the canceller should have been freed.
        collect(weakCanceller);
        assertNull(weakCanceller.get());
    }

    /** A subclass of Deferred, as Twisted's test defines one. */
    static final class D2 extends Deferred<Integer> {}

    /**
     * Python keeps {@code _DEFERRED_SUBCLASSES}, every subclass of Deferred, to test "is it a
     * Deferred" fast; Java's {@code instanceof} includes every subclass by itself. What the list is
     * for is ported instead: a subclass defined here is a Deferred to the chaining code and to
     * {@link Defer#maybeDeferred}.
     */
    @Test
    public void test_DEFERRED_SUBCLASSES() {
        D2 d2 = new D2();
        assertTrue(Deferred.class.isAssignableFrom(D2.class));

        Deferred<Void> d = new Deferred<>();
        d.addCallbackDeferred(ignored -> d2);
        d.callback(null);
        assertSame(d2, d.chainedTo());
        d2.callback(7);
        assertEquals(7, successResultOf(d));

        D2 other = new D2();
        assertSame(other, Defer.maybeDeferredDeferred(() -> other));
    }

    // ---- DeferredList, gatherResults and race ----

    /** Twisted's {@code GenericError}. */
    private static final class ListsGenericError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListsGenericError(String message) {
            super(message);
        }
    }

    /** One recorded step of a callback chain: Twisted's {@code (name, value)} tuples. */
    private record ListsStep(String name, Object value) {}

    /**
     * A fake Deferred canceller which callbacks the Deferred with the string "Callback Result"
     * when cancelling it (Twisted's {@code fakeCallbackCanceller}).
     */
    private static void listsFakeCallbackCanceller(Deferred<String> deferred) {
        deferred.callback("Callback Result");
    }

    /**
     * Runs {@code body} and returns the failures logged on this thread meanwhile (events from
     * other threads, such as the unhandled-error reporter, are not this test's).
     */
    private static List<Failure> listsLoggedFailures(Runnable body) {
        Thread me = Thread.currentThread();
        List<Failure> failures = new ArrayList<>();
        ILogObserver observer = (Map<String, Object> event) -> {
            if (Thread.currentThread() == me && event.get("log_failure") instanceof Failure f) {
                failures.add(f);
            }
        };
        Global.globalLogPublisher().addObserver(observer);
        try {
            body.run();
        } finally {
            Global.globalLogPublisher().removeObserver(observer);
        }
        return failures;
    }

    @Test
    public void testDeferredList() {
        Deferred<String> defr1 = new Deferred<>();
        Deferred<String> defr2 = new Deferred<>();
        Deferred<String> defr3 = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> dl = DeferredList.of(List.of(defr1, defr2, defr3));
        List<Outcome<String>> result = new ArrayList<>();
        List<Failure> errors = new ArrayList<>();

        dl.addCallbacks(
                resultList -> {
                    result.addAll(resultList);
                    return null;
                },
                err -> {
                    errors.add(err);
                    return null;
                });
        defr1.callback("1");
        // "catch" is added to eat the GenericError that will be passed on by the DeferredList's
        // callback on defr2. If left unhandled, the Failure would be reported as "Unhandled error
        // in Deferred".
        defr2.addErrback(err -> null);
        defr2.errback(new ListsGenericError("2"));
        defr3.callback("3");
        assertEquals(List.of(), errors);
        assertEquals(3, result.size());
        assertEquals(new Outcome<String>(Defer.SUCCESS, "1"), result.get(0));
        // result.get(1).result() is a Failure instead of an exception.
        assertEquals(Defer.FAILURE, result.get(1).success());
        assertEquals("2", result.get(1).failure().value().getMessage());
        assertEquals(new Outcome<String>(Defer.SUCCESS, "3"), result.get(2));
    }

    @Test
    public void testEmptyDeferredList() {
        List<Object> result = new ArrayList<>();

        DeferredList<Void, List<Outcome<Void>>> dl1 = DeferredList.of(List.<Deferred<Void>>of());
        dl1.addCallbacks(
                resultList -> {
                    result.add(resultList);
                    return null;
                },
                null);
        assertEquals(List.of(List.of()), result);

        result.clear();
        DeferredList<Void, Object> dl2 = DeferredList.fireOnOneCallback(List.<Deferred<Void>>of());
        dl2.addCallbacks(
                resultList -> {
                    result.add(resultList);
                    return null;
                },
                null);
        assertEquals(List.of(), result);
    }

    @Test
    public void testDeferredListFireOnOneError() {
        Deferred<String> defr1 = new Deferred<>();
        Deferred<String> defr2 = new Deferred<>();
        Deferred<String> defr3 = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> dl =
                DeferredList.of(List.of(defr1, defr2, defr3), Option.FIRE_ON_ONE_ERRBACK);
        List<Failure> result = new ArrayList<>();
        dl.addErrback(f -> {
            result.add(f);
            return null;
        });

        // consume errors after they pass through the DeferredList (to avoid 'Unhandled error in
        // Deferred').
        defr2.addErrback(err -> null);

        // fire one Deferred's callback, no result yet
        defr1.callback("1");
        assertEquals(List.of(), result);

        // fire one Deferred's errback -- now we have a result
        defr2.errback(new ListsGenericError("from def2"));
        assertEquals(1, result.size());

        // extract the result from the list
        Failure aFailure = result.get(0);

        // the type of the failure is a FirstError
        assertTrue(FirstError.class.isAssignableFrom(aFailure.type()),
                "FirstError.class.isAssignableFrom(aFailure.type()) failed: failure's type is "
                        + aFailure.type());

        FirstError firstError = (FirstError) aFailure.value();

        // check that the GenericError("2") from the deferred at index 1 (defr2) is intact inside
        // failure.value
        assertEquals(ListsGenericError.class, firstError.subFailure().type());
        assertEquals("from def2", firstError.subFailure().value().getMessage());
        assertEquals(1, firstError.index());
    }

    @Test
    public void testDeferredListDontConsumeErrors() {
        Deferred<Void> d1 = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> dl = DeferredList.of(List.of(d1));

        List<Failure> errorTrap = new ArrayList<>();
        d1.addErrback(f -> {
            errorTrap.add(f);
            return null;
        });

        List<List<Outcome<Void>>> resultLists = new ArrayList<>();
        dl.addCallback(r -> {
            resultLists.add(r);
            return null;
        });

        d1.errback(new ListsGenericError("Bang"));
        assertEquals("Bang", errorTrap.get(0).value().getMessage());
        assertEquals(1, resultLists.size());
        Outcome<Void> firstResult = resultLists.get(0).get(0);
        assertNotNull(firstResult);
        assertEquals("Bang", firstResult.failure().value().getMessage());
    }

    @Test
    public void testDeferredListConsumeErrors() {
        Deferred<Void> d1 = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> dl = DeferredList.of(List.of(d1), Option.CONSUME_ERRORS);

        List<Failure> errorTrap = new ArrayList<>();
        d1.addErrback(f -> {
            errorTrap.add(f);
            return null;
        });

        List<List<Outcome<Void>>> resultLists = new ArrayList<>();
        dl.addCallback(r -> {
            resultLists.add(r);
            return null;
        });

        d1.errback(new ListsGenericError("Bang"));
        assertEquals(List.of(), errorTrap);
        assertEquals(1, resultLists.size());
        Outcome<Void> firstResult = resultLists.get(0).get(0);
        assertNotNull(firstResult);
        assertEquals("Bang", firstResult.failure().value().getMessage());
    }

    @Test
    public void testDeferredListFireOnOneErrorWithAlreadyFiredDeferreds() {
        // Create some deferreds, and errback one
        Deferred<Void> d1 = new Deferred<>();
        Deferred<Void> d2 = new Deferred<>();
        d1.errback(new ListsGenericError("Bang"));

        // *Then* build the DeferredList, with FIRE_ON_ONE_ERRBACK
        DeferredList<Void, List<Outcome<Void>>> dl =
                DeferredList.of(List.of(d1, d2), Option.FIRE_ON_ONE_ERRBACK);
        List<Failure> result = new ArrayList<>();
        dl.addErrback(f -> {
            result.add(f);
            return null;
        });
        assertEquals(1, result.size());

        d1.addErrback(e -> null); // Swallow error
    }

    @Test
    public void testDeferredListWithAlreadyFiredDeferreds() {
        // Create some deferreds, and err one, call the other
        Deferred<Integer> d1 = new Deferred<>();
        Deferred<Integer> d2 = new Deferred<>();
        d1.errback(new ListsGenericError("Bang"));
        d2.callback(2);

        // *Then* build the DeferredList
        DeferredList<Integer, List<Outcome<Integer>>> dl = DeferredList.of(List.of(d1, d2));

        List<List<Outcome<Integer>>> result = new ArrayList<>();
        dl.addCallback(r -> {
            result.add(r);
            return null;
        });

        assertEquals(1, result.size());

        d1.addErrback(e -> null); // Swallow error
    }

    /** When cancelling an unfired DeferredList, cancel every Deferred in the list. */
    @Test
    public void test_cancelDeferredList() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> deferredList = DeferredList.of(List.of(deferredOne, deferredTwo));
        deferredList.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
    }

    /**
     * When cancelling an unfired DeferredList without the fireOnOneCallback and fireOnOneErrback
     * flags set, the DeferredList will be callback with a list of (success, result) outcomes.
     */
    @Test
    public void test_cancelDeferredListCallback() {
        Deferred<String> deferredOne = new Deferred<>(DeferredTests::listsFakeCallbackCanceller);
        Deferred<String> deferredTwo = new Deferred<>();
        DeferredList<String, List<Outcome<String>>> deferredList =
                DeferredList.of(List.of(deferredOne, deferredTwo));
        deferredList.cancel();
        failureResultOf(deferredTwo, CancelledError.class);
        List<Outcome<String>> result = successResultOf(deferredList);
        assertTrue(result.get(0).success());
        assertEquals("Callback Result", result.get(0).result());
        assertFalse(result.get(1).success());
        assertNotNull(result.get(1).failure().check(CancelledError.class));
    }

    /**
     * When cancelling an unfired DeferredList with the flag fireOnOneCallback set, cancel every
     * Deferred in the list.
     */
    @Test
    public void test_cancelDeferredListWithFireOnOneCallback() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, Object> deferredList =
                DeferredList.fireOnOneCallback(List.of(deferredOne, deferredTwo));
        deferredList.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
    }

    /**
     * When cancelling an unfired DeferredList with the flag fireOnOneCallback set, if one of the
     * Deferreds callbacks in its canceller, the DeferredList will callback with the result and
     * the index of the Deferred in a FirstResult.
     */
    @Test
    public void test_cancelDeferredListWithFireOnOneCallbackAndDeferredCallback() {
        Deferred<String> deferredOne = new Deferred<>(DeferredTests::listsFakeCallbackCanceller);
        Deferred<String> deferredTwo = new Deferred<>();
        DeferredList<String, Object> deferredList =
                DeferredList.fireOnOneCallback(List.of(deferredOne, deferredTwo));
        deferredList.cancel();
        failureResultOf(deferredTwo, CancelledError.class);
        Object result = successResultOf(deferredList);
        assertEquals(new FirstResult<>("Callback Result", 0), result);
    }

    /**
     * When cancelling an unfired DeferredList with the flag fireOnOneErrback set, cancel every
     * Deferred in the list.
     */
    @Test
    public void test_cancelDeferredListWithFireOnOneErrback() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> deferredList =
                DeferredList.of(List.of(deferredOne, deferredTwo), Option.FIRE_ON_ONE_ERRBACK);
        deferredList.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
        Failure deferredListFailure = failureResultOf(deferredList, FirstError.class);
        FirstError firstError = (FirstError) deferredListFailure.value();
        assertNotNull(firstError.subFailure().check(CancelledError.class));
    }

    /**
     * When cancelling an unfired DeferredList with the flag fireOnOneErrback set, if all the
     * Deferreds callback in their cancellers, the DeferredList will callback with a list of
     * (success, result) outcomes.
     */
    @Test
    public void test_cancelDeferredListWithFireOnOneErrbackAllDeferredsCallback() {
        Deferred<String> deferredOne = new Deferred<>(DeferredTests::listsFakeCallbackCanceller);
        Deferred<String> deferredTwo = new Deferred<>(DeferredTests::listsFakeCallbackCanceller);
        DeferredList<String, List<Outcome<String>>> deferredList =
                DeferredList.of(List.of(deferredOne, deferredTwo), Option.FIRE_ON_ONE_ERRBACK);
        deferredList.cancel();
        List<Outcome<String>> result = successResultOf(deferredList);
        assertTrue(result.get(0).success());
        assertEquals("Callback Result", result.get(0).result());
        assertTrue(result.get(1).success());
        assertEquals("Callback Result", result.get(1).result());
    }

    /** Cancelling a DeferredList will cancel the original Deferreds passed in. */
    @Test
    public void test_cancelDeferredListWithOriginalDeferreds() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        List<Deferred<Void>> argumentList = new ArrayList<>(List.of(deferredOne, deferredTwo));
        DeferredList<Void, List<Outcome<Void>>> deferredList = DeferredList.of(argumentList);
        Deferred<Void> deferredThree = new Deferred<>();
        argumentList.add(deferredThree);
        deferredList.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
        assertNoResult(deferredThree);
    }

    /**
     * Cancelling a DeferredList will cancel every Deferred in the list even exceptions raised from
     * the cancel method of the Deferreds.
     */
    @Test
    public void test_cancelDeferredListWithException() {
        // A Deferred canceller that raises an exception.
        Canceller<Void> cancellerRaisesException = deferred -> {
            throw new RuntimeException("test");
        };
        Deferred<Void> deferredOne = new Deferred<>(cancellerRaisesException);
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> deferredList = DeferredList.of(List.of(deferredOne, deferredTwo));
        List<Failure> logged = listsLoggedFailures(() -> {
            deferredList.cancel();
            failureResultOf(deferredTwo, CancelledError.class);
        });
        List<Failure> errors = new ArrayList<>();
        for (Failure f : logged) {
            if (f.check(RuntimeException.class) != null) {
                errors.add(f);
            }
        }
        assertEquals(1, errors.size());
    }

    /**
     * When a DeferredList has fired because one Deferred in the list fired with a non-failure
     * result, the cancellation will do nothing instead of cancelling the rest of the Deferreds.
     */
    @Test
    public void test_cancelFiredOnOneCallbackDeferredList() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, Object> deferredList =
                DeferredList.fireOnOneCallback(List.of(deferredOne, deferredTwo));
        deferredOne.callback(null);
        deferredList.cancel();
        assertNoResult(deferredTwo);
    }

    /**
     * When a DeferredList has fired because one Deferred in the list fired with a failure result,
     * the cancellation will do nothing instead of cancelling the rest of the Deferreds.
     */
    @Test
    public void test_cancelFiredOnOneErrbackDeferredList() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        DeferredList<Void, List<Outcome<Void>>> deferredList =
                DeferredList.of(List.of(deferredOne, deferredTwo), Option.FIRE_ON_ONE_ERRBACK);
        deferredOne.errback(new ListsGenericError("test"));
        deferredList.cancel();
        assertNoResult(deferredTwo);
        failureResultOf(deferredOne, ListsGenericError.class);
        failureResultOf(deferredList, FirstError.class);
    }

    @Test
    public void test_gatherResults() {
        // test successful list of deferreds
        List<List<Integer>> results = new ArrayList<>();
        Defer.gatherResults(List.of(Defer.succeed(1), Defer.succeed(2))).addCallback(r -> {
            results.add(r);
            return null;
        });
        assertEquals(List.of(List.of(1, 2)), results);
        // test failing list of deferreds
        List<Failure> errors = new ArrayList<>();
        List<Deferred<Integer>> dl =
                List.of(Defer.succeed(1), Defer.<Integer>fail(new IllegalArgumentException()));
        Defer.gatherResults(dl).addErrback(f -> {
            errors.add(f);
            return null;
        });
        assertEquals(1, errors.size());
        assertInstanceOf(Failure.class, errors.get(0));
        // get rid of error
        dl.get(1).addErrback(e -> 1);
    }

    /**
     * If a Deferred in the list passed to gatherResults fires with a failure and consumeErrors is
     * true, the failure is converted to a null result on that Deferred.
     */
    @Test
    public void test_gatherResultsWithConsumeErrors() {
        // test successful list of deferreds
        Deferred<Integer> dgood = Defer.succeed(1);
        Deferred<Integer> dbad = Defer.fail(new RuntimeException("oh noes"));
        Deferred<List<Integer>> d = Defer.gatherResults(List.of(dgood, dbad), true);
        List<Failure> unconsumedErrors = new ArrayList<>();
        dbad.addErrback(f -> {
            unconsumedErrors.add(f);
            return null;
        });
        List<Failure> gatheredErrors = new ArrayList<>();
        d.addErrback(f -> {
            gatheredErrors.add(f);
            return null;
        });

        assertEquals(List.of(0, 1), List.of(unconsumedErrors.size(), gatheredErrors.size()));
        assertInstanceOf(FirstError.class, gatheredErrors.get(0).value());
        Failure firstError = ((FirstError) gatheredErrors.get(0).value()).subFailure();
        assertInstanceOf(RuntimeException.class, firstError.value());
    }

    /** When cancelling the gatherResults call, all the Deferreds in the list will be cancelled. */
    @Test
    public void test_cancelGatherResults() {
        Deferred<Void> deferredOne = new Deferred<>();
        Deferred<Void> deferredTwo = new Deferred<>();
        Deferred<List<Void>> result = Defer.gatherResults(List.of(deferredOne, deferredTwo));
        result.cancel();
        failureResultOf(deferredOne, CancelledError.class);
        failureResultOf(deferredTwo, CancelledError.class);
        Failure gatherResultsFailure = failureResultOf(result, FirstError.class);
        FirstError firstError = (FirstError) gatherResultsFailure.value();
        assertNotNull(firstError.subFailure().check(CancelledError.class));
    }

    /**
     * When cancelling the gatherResults call, if all the Deferreds callback in their canceller,
     * the Deferred returned by gatherResults will be callbacked with the list of the results.
     */
    @Test
    public void test_cancelGatherResultsWithAllDeferredsCallback() {
        Deferred<String> deferredOne = new Deferred<>(DeferredTests::listsFakeCallbackCanceller);
        Deferred<String> deferredTwo = new Deferred<>(DeferredTests::listsFakeCallbackCanceller);
        Deferred<List<String>> result = Defer.gatherResults(List.of(deferredOne, deferredTwo));
        result.cancel();
        List<String> callbackResult = successResultOf(result);
        assertEquals("Callback Result", callbackResult.get(0));
        assertEquals("Callback Result", callbackResult.get(1));
    }

    /**
     * The continue callback of a Deferred waiting for another Deferred is not necessarily the
     * first one. This is somewhat a whitebox test checking that we search for that callback among
     * the whole list of callbacks.
     */
    @Test
    public void test_continueCallbackNotFirst() {
        List<ListsStep> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Deferred<String> a = new Deferred<>();

        Callback<String, Deferred<Object>> cb = result -> {
            results.add(new ListsStep("cb", result));
            Deferred<Void> d = new Deferred<>();

            Deferred<Object> returner = d
                    .addCallbackDeferred(firstResult -> {
                        results.add(new ListsStep("firstCallback", firstResult));
                        return Defer.gatherResults(List.of(a));
                    })
                    .addCallback(secondResult -> {
                        results.add(new ListsStep("secondCallback", secondResult));
                        return null;
                    })
                    .addErrback(f -> {
                        failures.add(f);
                        return null;
                    });
            d.callback(null);
            return returner;
        };

        Defer.succeed("outer").addCallbackDeferred(cb).addErrback(f -> {
            failures.add(f);
            return null;
        });
        assertEquals(List.of(new ListsStep("cb", "outer"), new ListsStep("firstCallback", null)), results);
        a.callback("withers");
        assertEquals(List.of(), failures);
        assertEquals(
                List.of(
                        new ListsStep("cb", "outer"),
                        new ListsStep("firstCallback", null),
                        new ListsStep("secondCallback", List.of("withers"))),
                results);
    }

    /**
     * A callback added to a Deferred after a previous callback attached another Deferred as a
     * result is run after the callbacks of the other Deferred are run.
     */
    @Test
    public void test_callbackOrderPreserved() {
        List<ListsStep> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Deferred<String> a = new Deferred<>();

        Callback<String, Deferred<Object>> cb = result -> {
            results.add(new ListsStep("cb", result));
            Deferred<Void> d = new Deferred<>();

            Deferred<Object> returner = d
                    .addCallbackDeferred(firstResult -> {
                        results.add(new ListsStep("firstCallback", firstResult));
                        return Defer.gatherResults(List.of(a));
                    })
                    .addCallback(secondResult -> {
                        results.add(new ListsStep("secondCallback", secondResult));
                        return null;
                    })
                    .addErrback(f -> {
                        failures.add(f);
                        return null;
                    });
            d.callback(null);
            return returner;
        };

        Deferred<String> outer = new Deferred<>();
        outer.addCallbackDeferred(cb)
                .addCallback(x -> {
                    results.add(new ListsStep("final", null));
                    return null;
                })
                .addErrback(f -> {
                    failures.add(f);
                    return null;
                });
        outer.callback("outer");
        assertEquals(List.of(new ListsStep("cb", "outer"), new ListsStep("firstCallback", null)), results);
        a.callback("withers");
        assertEquals(List.of(), failures);
        assertEquals(
                List.of(
                        new ListsStep("cb", "outer"),
                        new ListsStep("firstCallback", null),
                        new ListsStep("secondCallback", List.of("withers")),
                        new ListsStep("final", null)),
                results);
    }

    // ---- coroutines: inlineCallbacks bodies stand for async def ----

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
