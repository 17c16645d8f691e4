package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.inlineCallbacks;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * On Python 3.4 and newer generator functions may use the {@code return} statement with a value,
 * which is attached to the {@code StopIteration} exception that is raised. {@code inlineCallbacks}
 * will use this value when it fires the {@code callback}. Port of
 * {@code twisted.internet.test.test_inlinecb.StopIterationReturnTests}; in Java the body's
 * {@code return} value is the result.
 */
class StopIterationReturnTests {
    /**
     * If the {@code return} statement has a value it is propagated back to the {@link Deferred}
     * that the {@code inlineCallbacks} function returned.
     */
    @Test
    public void test_returnWithValue() {
        Function<Deferred<Void>, Deferred<Integer>> f = d -> inlineCallbacks(() -> {
            await(d);
            return 14;
        });
        Deferred<Void> d1 = new Deferred<>();
        Deferred<Integer> d2 = f.apply(d1);
        d1.callback(null);
        assertEquals(14, successResultOf(d2));
    }
}
