package dev.twj.internet.defer;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.coroutine;
import static dev.twj.internet.defer.Defer.ensureDeferred;
import static dev.twj.internet.defer.DeferredAssertions.successResultOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link Defer#ensureDeferred}: port of
 * {@code twisted.test.test_defer.EnsureDeferredTests}.
 *
 * <p>Not ported: {@code test_ensureDeferredGenerator}, which passes a {@code yield from}
 * generator; Java has one form of coroutine, {@link Coroutine}, which
 * {@code test_ensureDeferredCoroutine} covers.
 */
class EnsureDeferredTests {
    /** {@link Defer#ensureDeferred} will pass through a Deferred unchanged. */
    @Test
    public void test_passesThroughDeferreds() {
        Deferred<Void> d1 = new Deferred<>();
        Deferred<Void> d2 = ensureDeferred(d1);
        assertSame(d1, d2);
    }

    /**
     * Passing {@link Defer#ensureDeferred} a non-coroutine and a non-Deferred will raise a
     * {@link NotACoroutineError}.
     */
    @Test
    public void test_willNotAllowNonDeferredOrCoroutine() {
        assertThrows(NotACoroutineError.class, () -> ensureDeferred("something"));
    }

    /** {@link Defer#ensureDeferred} will turn a coroutine into a {@link Deferred}. */
    @Test
    public void test_ensureDeferredCoroutine() {
        Supplier<Coroutine<String>> run = () -> coroutine(() -> {
            Deferred<String> d = Defer.succeed("foo");
            String res = await(d);
            return res;
        });

        // It's a coroutine...
        Coroutine<String> r = run.get();
        assertInstanceOf(Coroutine.class, r);

        // Now it's a Deferred.
        Deferred<String> d = ensureDeferred(r);
        assertInstanceOf(Deferred.class, d);

        // The Deferred has the result we want.
        String res = successResultOf(d);
        assertEquals("foo", res);
    }
}
