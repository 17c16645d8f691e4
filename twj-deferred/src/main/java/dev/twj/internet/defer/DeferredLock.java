package dev.twj.internet.defer;

/**
 * A lock for event-driven systems: {@link #acquire} returns a Deferred that fires once the lock is
 * held, instead of blocking.
 *
 * <p>Port of {@code twisted.internet.defer.DeferredLock}.
 *
 * <h2>Contract</h2>
 * <p>Not thread-safe, like {@link Deferred}: use it from one thread, in practice the reactor
 * thread. Waiters are served first in, first out, and {@link #release} hands the lock straight to
 * the oldest waiter (the lock stays {@link #locked} throughout), running its callbacks before
 * returning. Cancelling a waiting {@code acquire} takes it off the list and fails it with
 * {@link CancelledError}; cancelling one that has already fired does nothing. The lock is not
 * re-entrant and has no owner: any caller may release it.
 *
 * <pre>
 *   acquire() ──► d1 fires now          (locked)
 *   acquire() ──► d2 waits              waiting: [d2]
 *   release() ──► d2 fires              (still locked), waiting: []
 *   release()                           (unlocked)
 * </pre>
 */
public final class DeferredLock extends ConcurrencyPrimitive<DeferredLock> {
    private boolean locked;

    /** Creates an unlocked lock. */
    public DeferredLock() {}

    /**
     * Returns true while this lock is acquired, false at all other times: the equivalent of a
     * non-blocking check before acquiring.
     */
    public boolean locked() {
        return locked;
    }

    /**
     * Attempts to acquire the lock.
     *
     * @return a Deferred that fires with this lock once it is acquired: at once if the lock is
     *     free, otherwise after the waiters ahead of it, when the lock is released
     */
    @Override
    public Deferred<DeferredLock> acquire() {
        Deferred<DeferredLock> d = newAcquireDeferred();
        if (locked) {
            waiting.add(d);
        } else {
            locked = true;
            d.callback(this);
        }
        return d;
    }

    /**
     * Releases the lock. If there are waiters, the oldest one acquires it and its Deferred fires.
     *
     * <p>Should be called by whoever did the {@link #acquire} when the shared resource is free.
     *
     * @throws IllegalStateException if the lock is not locked (Twisted's failed {@code assert})
     */
    @Override
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Tried to release an unlocked lock");
        }
        locked = false;
        if (!waiting.isEmpty()) {
            // Someone is waiting to acquire the lock.
            locked = true;
            fireOldestWaiter();
        }
    }

    @Override
    public String toString() {
        return "DeferredLock{" + (locked ? "locked" : "unlocked") + ", " + waiting.size() + " waiting}";
    }
}
