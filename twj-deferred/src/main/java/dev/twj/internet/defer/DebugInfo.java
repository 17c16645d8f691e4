package dev.twj.internet.defer;

import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a Deferred remembers for debugging and for the "Unhandled error in Deferred" report: the
 * failure its chain ended on, and with debugging on, where it was created and first fired.
 *
 * <p>Port of {@code twisted.internet.defer.DebugInfo}. Python reports from {@code __del__}; here a
 * phantom reference per tracked Deferred is enqueued when the Deferred is collected, and a daemon
 * thread (or {@link #collectUnhandled}) reports it, exactly once. A Deferred gets a
 * {@code DebugInfo}, and so a phantom reference, only once its chain ends on a failure or when
 * debugging is on, so the common path pays nothing.
 */
final class DebugInfo {
    private static final Logger LOG = new Logger("dev.twj.internet.defer");
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static final Set<Tracker> LIVE = ConcurrentHashMap.newKeySet();
    /**
     * Held while a tracker is taken out of {@link #LIVE} and reported, so that
     * {@link #collectUnhandled} can wait for a report the daemon thread has under way: without it,
     * the caller could return between the daemon's removal and its two log events.
     */
    private static final Object REPORTING = new Object();
    /**
     * How many trackers holding a failure have been taken out of {@link #LIVE}; written only under
     * {@link #REPORTING}. Releasing a failure may make more Deferreds unreachable, so
     * {@link #collectUnhandled} collects again while this grows.
     */
    private static volatile long releasedFailures;
    /** The most rounds of collection {@link #collectUnhandled} makes. */
    private static final int MAX_ROUNDS = 10;
    /** How long {@link #awaitCollection} waits for a collection before asking again. */
    private static final long COLLECT_WAIT_MILLIS = 100;
    /** How many times {@link #awaitCollection} asks for a collection: 5 s of waiting at most. */
    private static final int MAX_COLLECT_ATTEMPTS = 50;

    static {
        Thread reporter = new Thread(DebugInfo::reportCollected, "twj-unhandled-deferred-reporter");
        reporter.setDaemon(true);
        reporter.start();
    }

    /** The failure the chain ended on, until a callback handles it; read by the reporter thread. */
    volatile Failure failResult;
    /**
     * {@link System#nanoTime} when this was created: when the Deferred's chain first ended on a
     * failure, or (with debugging on) when the Deferred was created.
     */
    final long trackedAt = System.nanoTime();
    volatile String creator;
    volatile String invoker;

    private DebugInfo() {}

    /** Creates the debug info of {@code deferred} and arranges a report when it is collected. */
    static DebugInfo track(Deferred<?> deferred) {
        DebugInfo info = new DebugInfo();
        LIVE.add(new Tracker(deferred, info));
        return info;
    }

    /** The current stack, without this class's frames, formatted one frame a line. */
    static String stack() {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] frames = new Throwable().getStackTrace();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().equals(DebugInfo.class.getName())) {
                continue;
            }
            b.append("  at ").append(frame).append('\n');
        }
        return b.toString();
    }

    /** Twisted's {@code _getDebugTracebacks}: the creator and invoker stacks, prefixed C: and I:. */
    String debugTracebacks() {
        StringBuilder info = new StringBuilder();
        String c = creator;
        String i = invoker;
        if (c != null) {
            info.append(" C: Deferred was created:\n C:")
                    .append(c.stripTrailing().replace("\n", "\n C:")).append('\n');
        }
        if (i != null) {
            info.append(" I: First Invoker was:\n I:")
                    .append(i.stripTrailing().replace("\n", "\n I:")).append('\n');
        }
        return info.toString();
    }

    /** Logs Twisted's two events for a Deferred collected while holding an unhandled failure. */
    private void report() {
        Failure failure = failResult;
        if (failure == null) {
            return;
        }
        LOG.critical("Unhandled error in Deferred:", "isError", true);
        String debugTracebacks = debugTracebacks();
        if (debugTracebacks.isEmpty()) {
            LOG.failure("", failure, Defer.UNHANDLED_SINCE_KEY, trackedAt);
        } else {
            LOG.failure("(debug: {debugInfo})", failure, "debugInfo", debugTracebacks,
                    Defer.UNHANDLED_SINCE_KEY, trackedAt);
        }
    }

    static void warnReturnedSelf(Object callback) {
        LOG.warn(
                "Callback returned the Deferred it was attached to; this breaks the callback chain"
                        + " and will raise an exception in the future. ({callback})",
                "callback", callback);
    }

    private static void reportCollected() {
        while (true) {
            try {
                Tracker tracker = (Tracker) QUEUE.remove();
                tracker.reportOnce();
            } catch (InterruptedException e) {
                // A daemon: keep serving until the JVM exits.
            } catch (RuntimeException e) {
                // An observer failed; the reporter must survive it.
            }
        }
    }

    /**
     * Reports, now and on this thread, every tracked Deferred that the garbage collector has found
     * unreachable, after asking for a full collection. Test runners call this to make the
     * "Unhandled error in Deferred" report deterministic (trial's {@code --force-gc}).
     *
     * <p>Each round asks for a collection and waits until one has happened (see
     * {@link #awaitCollection}), then reports every tracker whose Deferred the collector cleared:
     * that check reads the reference itself, so it does not wait for the JVM's Reference Handler
     * thread to enqueue it for the daemon reporter. A second round, and more (up to
     * {@value #MAX_ROUNDS}) while a round released a failure, finds Deferreds that only a reported
     * failure kept reachable. Whichever of this thread and the daemon takes a tracker out of
     * {@link #LIVE} first reports it, under {@link #REPORTING}; this method takes that lock last,
     * so that a report the daemon has started is complete (logged) when it returns.
     *
     * @return the number of Deferreds this call reported with an unhandled failure (the daemon
     *     may have reported others, before this call returned)
     */
    static int collectUnhandled() {
        int reported = 0;
        long released = releasedFailures;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            awaitCollection();
            for (Tracker tracker : LIVE) {
                if (tracker.refersTo(null) && tracker.reportOnce()) {
                    reported++;
                }
            }
            long releasedNow;
            synchronized (REPORTING) {
                // Also waits for a report the daemon thread had started.
                releasedNow = releasedFailures;
            }
            if (round > 0 && releasedNow == released) {
                break;
            }
            released = releasedNow;
        }
        return reported;
    }

    /**
     * Asks for a garbage collection and waits until one has run: a sentinel object, made
     * unreachable before {@link System#gc}, has been cleared by the collector. {@code System.gc}
     * is only a request (a concurrent collector or {@code -XX:+ExplicitGCInvokesConcurrent} may
     * return before the cycle ends); each {@value #COLLECT_WAIT_MILLIS} ms without the sentinel
     * enqueued, it asks again, {@value #MAX_COLLECT_ATTEMPTS} times at most, then gives up
     * silently (the daemon thread still reports whatever a later collection finds).
     */
    private static void awaitCollection() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> sentinel = newSentinel(queue);
        try {
            for (int attempt = 0; attempt < MAX_COLLECT_ATTEMPTS; attempt++) {
                System.gc();
                if (sentinel.refersTo(null) || queue.remove(COLLECT_WAIT_MILLIS) != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A phantom reference to an object nothing else refers to: cleared by the next collection. */
    private static PhantomReference<Object> newSentinel(ReferenceQueue<Object> queue) {
        return new PhantomReference<>(new Object(), queue);
    }

    /** A phantom reference to a tracked Deferred, holding its DebugInfo (not the Deferred). */
    private static final class Tracker extends PhantomReference<Object> {
        /**
         * Dropped once reported (guarded by {@link #REPORTING}), so that a tracker a reporter's
         * stack frame still refers to keeps neither the failure nor what it refers to reachable.
         */
        private DebugInfo info;

        Tracker(Deferred<?> deferred, DebugInfo info) {
            super(deferred, QUEUE);
            this.info = info;
        }

        /** Reports once, whichever thread gets here first; true if a failure was reported. */
        boolean reportOnce() {
            synchronized (REPORTING) {
                if (!LIVE.remove(this)) {
                    return false;
                }
                DebugInfo reported = info;
                info = null;
                boolean unhandled = reported.failResult != null;
                if (unhandled) {
                    releasedFailures++;
                }
                reported.report();
                return unhandled;
            }
        }
    }
}
