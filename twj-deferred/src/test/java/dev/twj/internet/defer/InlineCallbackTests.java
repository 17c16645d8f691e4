package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.test.test_defer.InlineCallbackTests}. */
class InlineCallbackTests {
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

    private static Coroutine<Object> func(Object a) {
        return coroutine(() -> a);
    }

    /**
     * Tests that there is no circular dependency when using {@link Deferred#fromCoroutine}, so
     * that the machinery gets cleaned up immediately rather than waiting for a GC.
     *
     * <p>Java has no reference counting, so "immediately" cannot be observed: this checks that
     * nothing (no thread-local, no engine state) keeps the object or the Deferred alive once the
     * test drops them and the collector runs.
     */
    @Test
    public void test_coroutineNoCircularReference() throws InterruptedException {
        // Create an object and weak reference to track if its gotten freed.
        Set<Object> obj = new HashSet<>();
        WeakReference<Set<Object>> objWeakRef = new WeakReference<>(obj);

        // Run the function
        Deferred<Object> funcD = Deferred.fromCoroutine(func(obj));
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
