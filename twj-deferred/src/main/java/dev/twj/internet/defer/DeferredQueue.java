package dev.twj.internet.defer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.SequencedSet;

/**
 * An event-driven queue: {@link #get} returns a Deferred that fires with the next object, at once
 * if one is waiting in the queue, otherwise when one is {@link #put}.
 *
 * <p>Port of {@code twisted.internet.defer.DeferredQueue}. Where Twisted passes {@code None} for
 * "no limit", pass {@link #UNLIMITED}.
 *
 * <h2>Contract</h2>
 * <p>Not thread-safe, like {@link Deferred}: use it from one thread, in practice the reactor
 * thread. Objects are delivered first in, first out, to getters in the order they called
 * {@code get}; {@link #put} fires the oldest waiting getter's Deferred (running its callbacks)
 * before returning. Cancelling a waiting {@code get} takes it off the list, so it never consumes
 * a later {@code put}, and fails it with {@link CancelledError}.
 *
 * <pre>
 *   put(x) ──► a waiting get?  yes: fire it with x
 *                              no:  pending.size() &lt; size?  yes: pending.add(x)
 *                                                             no:  throw QueueOverflow
 *   get()  ──► pending?        yes: succeed(pending.removeFirst())
 *                              no:  waiting.size() &lt; backlog?  yes: a new waiting Deferred
 *                                                                no:  throw QueueUnderflow
 * </pre>
 *
 * @param <T> the type of the objects in the queue
 */
public final class DeferredQueue<T> {
    /** The {@code size} or {@code backlog} that means no limit: Twisted's {@code None}. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final SequencedSet<Deferred<T>> waiting = new LinkedHashSet<>();
    /** A LinkedList because, as in Twisted, null is an object like any other. */
    private final LinkedList<T> pending = new LinkedList<>();
    private final int size;
    private final int backlog;

    /** Creates a queue with no limit on objects or on waiting getters. */
    public DeferredQueue() {
        this(UNLIMITED, UNLIMITED);
    }

    /**
     * Creates a queue with limits.
     *
     * @param size the most objects the queue holds at a time; {@link #UNLIMITED} for no limit
     * @param backlog the most {@link #get} Deferreds that may wait at a time; {@link #UNLIMITED}
     *     for no limit
     * @throws IllegalArgumentException if {@code size} or {@code backlog} is negative (Twisted
     *     does not check, and such a queue would overflow or underflow on every call)
     */
    public DeferredQueue(int size, int backlog) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog < 0: " + backlog);
        }
        this.size = size;
        this.backlog = backlog;
    }

    /**
     * Returns the most objects this queue holds at a time; when adding one more would exceed it,
     * {@link #put} throws {@link QueueOverflow}. {@link #UNLIMITED} for no limit.
     */
    public int size() {
        return size;
    }

    /**
     * Returns the most {@link #get} Deferreds allowed to wait at a time; when one more would
     * exceed it, {@code get} throws {@link QueueUnderflow}. {@link #UNLIMITED} for no limit.
     */
    public int backlog() {
        return backlog;
    }

    /** Returns the objects put but not yet gotten, oldest first: a snapshot. */
    public List<T> pending() {
        return Collections.unmodifiableList(new ArrayList<>(pending));
    }

    /** Returns the Deferreds of the getters waiting for an object, oldest first: a snapshot. */
    public List<Deferred<T>> waiting() {
        return List.copyOf(waiting);
    }

    /**
     * Adds an object to this queue: gives it to the oldest waiting getter if there is one, or
     * else keeps it for a later {@link #get}.
     *
     * @throws QueueOverflow if the queue already holds {@link #size} objects
     */
    public void put(T obj) {
        if (!waiting.isEmpty()) {
            waiting.removeFirst().callback(obj);
        } else if (pending.size() < size) {
            pending.addLast(obj);
        } else {
            throw new QueueOverflow("queue is full: size " + size);
        }
    }

    /**
     * Retrieves and removes an object from this queue.
     *
     * @return a Deferred that fires with the next object available in the queue: already fired if
     *     there is one; otherwise cancelling it takes it off the waiting list
     * @throws QueueUnderflow if {@link #backlog} Deferreds are already waiting for an object
     */
    public Deferred<T> get() {
        if (!pending.isEmpty()) {
            return Defer.succeed(pending.removeFirst());
        } else if (waiting.size() < backlog) {
            // The canceller only runs while d has not fired, and put() takes d off the list
            // before firing it, so d is always on the list here.
            Deferred<T> d = new Deferred<>(waiting::remove);
            waiting.addLast(d);
            return d;
        } else {
            throw new QueueUnderflow("too many getters waiting: backlog " + backlog);
        }
    }

    @Override
    public String toString() {
        return "DeferredQueue{" + pending.size() + " pending, " + waiting.size() + " waiting, size "
                + limitToString(size) + ", backlog " + limitToString(backlog) + "}";
    }

    private static String limitToString(int limit) {
        return limit == UNLIMITED ? "unlimited" : Integer.toString(limit);
    }
}
