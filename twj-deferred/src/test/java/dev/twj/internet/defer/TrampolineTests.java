package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The chain runs on a trampoline: depth costs no stack. Each case runs on a thread with a
 * 512 KiB stack, where recursion per link would overflow long before the end.
 */
class TrampolineTests {
    private static final long SMALL_STACK = 512 * 1024;

    private static void onSmallStack(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                error.set(e);
            }
        }, "small-stack", SMALL_STACK);
        t.start();
        t.join();
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
    }

    @Test
    void aMillionCallbacksRunOnASmallStack() throws InterruptedException {
        onSmallStack(() -> {
            Deferred<Integer> d = new Deferred<>();
            for (int i = 0; i < 1_000_000; i++) {
                d.addCallback(x -> x + 1);
            }
            d.callback(0);
            assertEquals(1_000_000, d.result());
        });
    }

    @Test
    void aHundredThousandNestedDeferredsFiredInnermostLast() throws InterruptedException {
        onSmallStack(() -> {
            int n = 100_000;
            List<Deferred<Integer>> ds = new ArrayList<>();
            for (int i = 0; i <= n; i++) {
                ds.add(new Deferred<>());
            }
            for (int i = 0; i < n; i++) {
                Deferred<Integer> next = ds.get(i + 1);
                ds.get(i).addCallbackDeferred(ignored -> next);
            }
            // Each fire pauses on the next, still unfired, Deferred.
            for (int i = 0; i < n; i++) {
                ds.get(i).callback(i);
            }
            Deferred<Integer> outer = ds.get(0);
            Deferred<Integer> current = ds.get(n);
            List<Deferred<Integer>> inner = ds.subList(1, n + 1);
            // Every Deferred waits on the next; firing the last unwinds them all.
            assertTrue(outer.paused() > 0);
            current.callback(42);
            assertEquals(42, outer.result());
            assertNull(inner.get(0).result());
        });
    }

    @Test
    void aHundredThousandCallbacksReturningFiredDeferreds() throws InterruptedException {
        onSmallStack(() -> {
            Deferred<Integer> d = new Deferred<>();
            for (int i = 0; i < 100_000; i++) {
                d.addCallbackDeferred(x -> Defer.succeed(x + 1));
            }
            d.callback(0);
            assertEquals(100_000, d.result());
        });
    }
}
