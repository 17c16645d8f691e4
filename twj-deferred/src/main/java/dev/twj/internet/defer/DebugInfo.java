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

    static {
        Thread reporter = new Thread(DebugInfo::reportCollected, "twj-unhandled-deferred-reporter");
        reporter.setDaemon(true);
        reporter.start();
    }

    /** The failure the chain ended on, until a callback handles it; read by the reporter thread. */
    volatile Failure failResult;
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
            LOG.failure("", failure);
        } else {
            LOG.failure("(debug: {debugInfo})", failure, "debugInfo", debugTracebacks);
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
     * @return the number of Deferreds reported with an unhandled failure
     */
    static int collectUnhandled() {
        int reported = 0;
        for (int round = 0; round < 2; round++) {
            System.gc();
            for (Tracker tracker : LIVE) {
                if (tracker.refersTo(null) && tracker.reportOnce()) {
                    reported++;
                }
            }
        }
        synchronized (REPORTING) {
            // Wait for the daemon thread to finish a report it had started.
        }
        return reported;
    }

    /** A phantom reference to a tracked Deferred, holding its DebugInfo (not the Deferred). */
    private static final class Tracker extends PhantomReference<Object> {
        private final DebugInfo info;

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
                boolean unhandled = info.failResult != null;
                info.report();
                return unhandled;
            }
        }
    }
}
