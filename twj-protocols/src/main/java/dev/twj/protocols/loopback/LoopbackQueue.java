package dev.twj.protocols.loopback;

import dev.twj.internet.defer.Deferred;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The bytes one side of a {@link Loopback#loopbackAsync} connection has written and the other
 * has not yet received. Port of {@code twisted.protocols.loopback._LoopbackQueue}: a list with a
 * queue's interface that also fires a notification Deferred whenever something is added.
 *
 * <p>A null item marks the disconnection of the writing side.
 */
public final class LoopbackQueue {
    private final Deque<byte[]> queue = new ArrayDeque<>();
    Deferred<Void> notificationDeferred;
    boolean disconnect;

    /** Creates an empty queue. */
    public LoopbackQueue() {}

    /** Appends {@code v} (null for a disconnection) and fires the pending notification, if any. */
    public void put(byte[] v) {
        // ArrayDeque refuses null: box each item.
        queue.addLast(v == null ? NONE : v);
        if (notificationDeferred != null) {
            Deferred<Void> d = notificationDeferred;
            notificationDeferred = null;
            d.callback(null);
        }
    }

    /** Returns true if there is nothing to {@link #get}: Python's {@code not queue}. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Removes and returns the oldest item: the bytes written, or null if the writer disconnected.
     *
     * @throws java.util.NoSuchElementException if the queue is empty
     */
    public byte[] get() {
        byte[] v = queue.removeFirst();
        return v == NONE ? null : v;
    }

    /** Returns whether the writing side asked to disconnect. */
    public boolean disconnect() {
        return disconnect;
    }

    @Override
    public String toString() {
        return "LoopbackQueue{" + queue.size() + " items" + (disconnect ? ", disconnect" : "") + "}";
    }

    private static final byte[] NONE = new byte[0];
}
