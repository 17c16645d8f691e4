package dev.twj.internet.defer;

/**
 * A semaphore for event-driven systems: at most {@link #limit} users hold it at once, and
 * {@link #acquire} returns a Deferred that fires once a token is available, instead of blocking.
 *
 * <p>If you are looking into this as a means of limiting parallelism, you might find
 * {@code dev.twj.internet.task.Cooperator} more useful.
 *
 * <p>Port of {@code twisted.internet.defer.DeferredSemaphore}.
 *
 * <h2>Contract</h2>
 * <p>Not thread-safe, like {@link Deferred}: use it from one thread, in practice the reactor
 * thread. Waiters are served first in, first out; {@link #release} hands its token straight to
 * the oldest waiter and runs that waiter's callbacks before returning. Cancelling a waiting
 * {@code acquire} takes it off the list and fails it with {@link CancelledError}; cancelling one
 * that has already fired does nothing. {@code 0 <= tokens() <= limit()} at all times.
 */
public final class DeferredSemaphore extends ConcurrencyPrimitive<DeferredSemaphore> {
    private int tokens;
    private final int limit;

    /**
     * Creates a semaphore that {@code tokens} users may hold at once.
     *
     * @param tokens initial value of {@link #tokens} and {@link #limit}
     * @throws IllegalArgumentException if {@code tokens < 1} (Twisted's {@code ValueError})
     */
    public DeferredSemaphore(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException(
                    "tokens < 1: " + tokens + "; DeferredSemaphore requires tokens >= 1");
        }
        this.tokens = tokens;
        this.limit = tokens;
    }

    /** Returns the difference between {@link #limit} and the number of current holders. */
    public int tokens() {
        return tokens;
    }

    /** Returns how many users may hold this semaphore at once. */
    public int limit() {
        return limit;
    }

    /**
     * Attempts to acquire a token.
     *
     * @return a Deferred that fires with this semaphore once a token is acquired: at once if one
     *     is free, otherwise after the waiters ahead of it, when tokens are released
     */
    @Override
    public Deferred<DeferredSemaphore> acquire() {
        assert tokens >= 0 : "Internal inconsistency??  tokens should never be negative";
        Deferred<DeferredSemaphore> d = newAcquireDeferred();
        if (tokens == 0) {
            waiting.add(d);
        } else {
            tokens--;
            d.callback(this);
        }
        return d;
    }

    /**
     * Releases a token. If there are waiters, the oldest one acquires it and its Deferred fires.
     *
     * <p>Should be called by whoever did the {@link #acquire} when the shared resource is free.
     *
     * @throws IllegalStateException if every token is already free (Twisted's failed
     *     {@code assert})
     */
    @Override
    public void release() {
        if (tokens >= limit) {
            throw new IllegalStateException(
                    "Someone released me too many times: too many tokens! (tokens " + tokens
                            + " == limit " + limit + ")");
        }
        tokens++;
        if (!waiting.isEmpty()) {
            // Someone is waiting to acquire a token.
            tokens--;
            fireOldestWaiter();
        }
    }

    @Override
    public String toString() {
        return "DeferredSemaphore{tokens " + tokens + "/" + limit + ", " + waiting.size() + " waiting}";
    }
}
