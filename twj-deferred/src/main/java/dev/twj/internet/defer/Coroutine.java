package dev.twj.internet.defer;

import java.util.concurrent.Callable;

/**
 * A body that has not started yet: the Java form of the coroutine object that calling a Python
 * {@code async def} function returns.
 *
 * <p>Make one with {@link Defer#coroutine}; run it with {@link Deferred#fromCoroutine} or
 * {@link Defer#ensureDeferred}, which give a {@link Deferred} of its result, or with
 * {@link Defer#await(Coroutine)} inside another body, which runs it in place. A method that
 * Python declares {@code async def} becomes a method that returns a {@code Coroutine}:
 *
 * <pre>{@code
 * Coroutine<String> crawl(String page) {          // async def crawl(page):
 *     return coroutine(() -> {
 *         Response r = await(treq.get(page));     //     r = await treq.get(page)
 *         return await(treq.content(r));          //     return await treq.content(r)
 *     });
 * }
 * Deferred<String> d = Deferred.fromCoroutine(crawl("http://example.com/"));
 * }</pre>
 *
 * <p>As in Python, a coroutine runs once: starting it a second time throws
 * {@link IllegalStateException} (Python's {@code RuntimeError: cannot reuse already awaited
 * coroutine}).
 *
 * @param <T> the type of the body's result
 */
public final class Coroutine<T> {
    private Callable<? extends T> body;

    Coroutine(Callable<? extends T> body) {
        if (body == null) {
            throw new NullPointerException("body == null");
        }
        this.body = body;
    }

    /** Returns the body and marks this coroutine started. */
    Callable<? extends T> start() {
        Callable<? extends T> b = body;
        if (b == null) {
            throw new IllegalStateException("cannot reuse already awaited coroutine " + this);
        }
        body = null;
        return b;
    }

    /** Returns whether the coroutine has been started (awaited or scheduled). */
    public boolean started() {
        return body == null;
    }

    @Override
    public String toString() {
        return "Coroutine@" + Integer.toHexString(System.identityHashCode(this))
                + (body == null ? "{started}" : "{" + body + "}");
    }
}
