package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** {@link InlineCallbacksBehaviourTests} on the {@code jdk.internal.vm.Continuation} engine. */
class InlineCallbacksContinuationBehaviourTests extends InlineCallbacksBehaviourTests {
    @Override
    InlineCallbacks.Engine engine() {
        return InlineCallbacks.Engine.CONTINUATION;
    }

    @Override
    void assertResumedOn(Thread bodyThread, Thread firingThread) {
        assertSame(firingThread, bodyThread);
    }

    @Test
    public void theContinuationEngineIsAvailableUnderSurefire() {
        assertNull(InlineCallbacks.CONTINUATION_UNAVAILABLE);
        assertSame(InlineCallbacks.Engine.CONTINUATION, InlineCallbacks.defaultEngine());
    }

    /** Awaits an unfired Deferred in its static initializer, a native frame for the JVM. */
    static final class AwaitsInStaticInitializer {
        static final Object VALUE = Defer.await(new Deferred<>());

        private AwaitsInStaticInitializer() {}
    }

    @Test
    public void awaitWherePinnedThrowsInsteadOfDeadlocking() {
        Deferred<Object> result = inlineCallbacks(() -> AwaitsInStaticInitializer.VALUE);
        Throwable error = DeferredAssertions.failureResultOf(result, ExceptionInInitializerError.class).value();
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, error.getCause());
        assertTrue(cause.getMessage().contains("pinned"), cause.getMessage());
    }

    @Test
    public void awaitInsideSynchronizedFollowsTheRuntime() {
        Object lock = new Object();
        Deferred<String> d = new Deferred<>();
        Deferred<String> result = inlineCallbacks(() -> {
            synchronized (lock) {
                return await(d);
            }
        });
        if (Runtime.version().feature() >= 24) {
            // JEP 491: the monitor is held by the suspended body, not by this thread.
            assertFalse(Thread.holdsLock(lock));
            d.callback("ok");
            assertEquals("ok", successResultOf(result));
        } else {
            assertThrows(IllegalStateException.class, () -> {
                throw DeferredAssertions.failureResultOf(result).value();
            });
        }
    }

    /** A suspended body holds no thread: with its awaited Deferred unreachable, it is garbage. */
    @Test
    public void aBodyAwaitingAnUnreachableDeferredIsCollected() throws InterruptedException {
        WeakReference<Deferred<Object>> result = suspendOnAnUnreachableDeferred();
        for (int i = 0; i < 50 && result.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(result.get());
    }

    private WeakReference<Deferred<Object>> suspendOnAnUnreachableDeferred() {
        Deferred<Object> never = new Deferred<>();
        Deferred<Object> result = inlineCallbacks(() -> await(never));
        DeferredAssertions.assertNoResult(result);
        return new WeakReference<>(result);
    }
}
