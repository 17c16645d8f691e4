package dev.twj.internet.defer;

import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link InlineCallbacksBehaviourTests} on the virtual-thread engine: the body runs on its own
 * virtual thread while the thread that fired its Deferred waits.
 */
class InlineCallbacksVirtualBehaviourTests extends InlineCallbacksBehaviourTests {
    @Override
    InlineCallbacks.Engine engine() {
        return InlineCallbacks.Engine.VIRTUAL;
    }

    @Override
    void assertResumedOn(Thread bodyThread, Thread firingThread) {
        assertNotSame(firingThread, bodyThread);
        assertTrue(bodyThread.isVirtual());
    }

    /** What the static initializer below waits on. */
    static final Deferred<String> GATE = new Deferred<>();

    /** Awaits an unfired Deferred in its static initializer, a native frame for the JVM. */
    static final class AwaitsInStaticInitializer {
        static final Object VALUE = Defer.await(GATE);

        private AwaitsInStaticInitializer() {}
    }

    @Test
    public void awaitWherePinnedSuspendsTheVirtualThread() {
        Deferred<Object> result = inlineCallbacks(() -> AwaitsInStaticInitializer.VALUE);
        DeferredAssertions.assertNoResult(result);
        Deferred<Object> other = inlineCallbacks(() -> "other bodies still run");
        assertEquals("other bodies still run", successResultOf(other));
        GATE.callback("initialised");
        assertEquals("initialised", successResultOf(result));
    }

    @Test
    public void awaitInsideSynchronizedSuspendsHoldingTheMonitor() {
        Object lock = new Object();
        Deferred<String> d = new Deferred<>();
        Deferred<String> result = inlineCallbacks(() -> {
            synchronized (lock) {
                return await(d);
            }
        });
        assertFalse(Thread.holdsLock(lock));
        d.callback("ok");
        assertEquals("ok", successResultOf(result));
    }
}
