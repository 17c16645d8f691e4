package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Global;
import dev.twj.logger.ILogObserver;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Defer#collectUnhandledErrors} is deterministic: when it returns, every Deferred dropped
 * before the call while holding an unhandled failure has been reported ("Unhandled error in
 * Deferred:" and the failure), exactly once, whether this thread or the daemon reporter thread
 * reported it, even while other threads keep the collector busy.
 *
 * <p>Each Deferred is made in a helper method, so that no local variable keeps it; the tests
 * never collect on their own before calling {@code collectUnhandledErrors}.
 */
class UnhandledErrorDeterminismTests {
    private static final String HEADER = "Unhandled error in Deferred:";

    private boolean hadSystemObserver;
    private final ConcurrentMap<String, AtomicInteger> reportsByThread = new ConcurrentHashMap<>();
    private final ILogObserver threadCounter = event -> {
        if (HEADER.equals(event.get("log_format"))) {
            reportsByThread.computeIfAbsent(Thread.currentThread().getName(),
                    k -> new AtomicInteger()).incrementAndGet();
        }
    };

    @BeforeEach
    void setUp() {
        // Report what earlier tests left for the collector, so that it is not seen here.
        Defer.collectUnhandledErrors();
        // Keep hundreds of stack traces out of the build output.
        hadSystemObserver =
                Global.globalLogPublisher().observers().contains(Global.systemLoggerObserver());
        Global.globalLogPublisher().removeObserver(Global.systemLoggerObserver());
        Global.globalLogPublisher().addObserver(threadCounter);
    }

    @AfterEach
    void tearDown() {
        Global.globalLogPublisher().removeObserver(threadCounter);
        if (hadSystemObserver) {
            Global.globalLogPublisher().addObserver(Global.systemLoggerObserver());
        }
    }

    /** Drops a Deferred that failed with a new failure, and returns that failure. */
    private static Failure dropFailedDeferred(int i) {
        Failure failure = new Failure(new IllegalStateException("unhandled " + i));
        Defer.fail(failure);
        return failure;
    }

    /** Drops {@code n} failed Deferreds, and returns their failures. */
    private static Set<Failure> dropFailedDeferreds(int n) {
        Set<Failure> failures = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < n; i++) {
            failures.add(dropFailedDeferred(i));
        }
        return failures;
    }

    /**
     * A thread that keeps the JVM busy: it allocates garbage and asks for collections, so that
     * the daemon reporter gets some of the dropped Deferreds before the collect hook does.
     */
    private static final class Busy {
        private volatile boolean stopped;
        private final Thread thread = new Thread(this::run, "busy-collector");

        Busy() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            List<byte[]> garbage = new ArrayList<>();
            for (int i = 0; !stopped; i++) {
                garbage.add(new byte[1024]);
                if (garbage.size() > 1000) {
                    garbage.clear();
                }
                if (i % 20_000 == 0) {
                    System.gc();
                }
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.join();
        }
    }

    /** Counts the header events, and the failure events of each failure, in {@code events}. */
    private static int headers(List<Map<String, Object>> events) {
        int headers = 0;
        for (Map<String, Object> event : events) {
            if (HEADER.equals(event.get("log_format"))) {
                headers++;
            }
        }
        return headers;
    }

    /**
     * 200 times: a failed Deferred dropped just before {@code collectUnhandledErrors()} has been
     * reported exactly once when it returns, its header right before its failure, while another
     * thread keeps the collector, and so the daemon reporter, busy.
     */
    @Test
    public void eachDroppedFailedDeferredIsReportedOnceByTheTimeCollectReturns() throws Exception {
        int iterations = 200;
        long start = System.nanoTime();
        Busy busy = new Busy();
        try (CapturedLogs logs = CapturedLogs.capture()) {
            for (int i = 0; i < iterations; i++) {
                int before = logs.events().size();
                Failure failure = dropFailedDeferred(i);
                Defer.collectUnhandledErrors();
                List<Map<String, Object>> all = logs.events();
                List<Map<String, Object>> events = all.subList(before, all.size());
                int index = i;
                assertEquals(1, headers(events), () -> "iteration " + index + ": " + events);
                assertEquals(2, events.size(), () -> "iteration " + index + ": " + events);
                assertEquals(HEADER, events.get(0).get("log_format"));
                assertSame(failure, events.get(1).get("log_failure"));
            }
        } finally {
            busy.stop();
        }
        System.out.printf("UnhandledErrorDeterminismTests: %d single drops, %.1f ms per"
                        + " collectUnhandledErrors(); reports by thread: %s%n",
                iterations, (System.nanoTime() - start) / 1e6 / iterations, reportsByThread);
    }

    /**
     * 1,000 failed Deferreds dropped at once are reported exactly 1,000 times, each failure once,
     * by the time one {@code collectUnhandledErrors()} returns.
     */
    @Test
    public void aThousandDroppedFailedDeferredsAreReportedOnceEach() throws Exception {
        int n = 1000;
        Busy busy = new Busy();
        try (CapturedLogs logs = CapturedLogs.capture()) {
            Set<Failure> dropped = dropFailedDeferreds(n);
            long start = System.nanoTime();
            Defer.collectUnhandledErrors();
            long elapsed = System.nanoTime() - start;
            // Another test class's leftovers may be reported in the same collection: count only
            // the failures this test dropped.
            List<Map<String, Object>> events = logs.events();
            Set<Failure> reported = Collections.newSetFromMap(new IdentityHashMap<>());
            int ours = 0;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).get("log_failure") instanceof Failure f && dropped.contains(f)) {
                    ours++;
                    reported.add(f);
                    assertEquals(HEADER, events.get(i - 1).get("log_format"));
                }
            }
            assertEquals(n, ours, "reports of this test's failures");
            assertEquals(dropped, reported);
            System.out.printf("UnhandledErrorDeterminismTests: %d dropped at once, collected in"
                    + " %.1f ms; reports by thread: %s%n", n, elapsed / 1e6, reportsByThread);
        } finally {
            busy.stop();
        }
    }

    /** An exception that keeps a Deferred reachable from the failure that carries it. */
    private static final class HoldsDeferred extends RuntimeException {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("serial")
        private final Deferred<?> held;

        HoldsDeferred(Deferred<?> held) {
            super("holds " + held);
            this.held = held;
        }

        @Override
        public String toString() {
            return "HoldsDeferred{" + (held == null ? "nothing" : "a Deferred") + "}";
        }
    }

    /**
     * Drops a chain of {@code n} failed Deferreds, each one's failure holding the next: the next
     * becomes unreachable only once the previous one has been reported, so each needs another
     * collection.
     */
    private static void dropChainOfFailedDeferreds(int n) {
        Deferred<?> next = null;
        for (int i = 0; i < n; i++) {
            next = Defer.fail(new HoldsDeferred(next));
        }
    }

    /**
     * A failed Deferred that only another dropped Deferred's unhandled failure keeps reachable is
     * reported too, once each (Python's {@code gc.collect()} finds such chains at once).
     * {@code collectUnhandledErrors()} collects again while a report released a failure, so one
     * call usually reports the whole chain; the later links were not unreachable when it was
     * called, though, so it does not promise to: this test allows one call per link.
     */
    @Test
    public void deferredsKeptOnlyByAReportedFailureAreReportedToo() {
        int n = 5;
        // Records text only: an observer keeping the events would keep the failures, and so the
        // Deferreds they hold, reachable.
        List<String> reports = Collections.synchronizedList(new ArrayList<>());
        ILogObserver observer = event -> {
            if (HEADER.equals(event.get("log_format"))) {
                reports.add(HEADER);
            } else if (event.get("log_failure") instanceof Failure f) {
                reports.add(f.getErrorMessage());
            }
        };
        Global.globalLogPublisher().addObserver(observer);
        try {
            dropChainOfFailedDeferreds(n);
            for (int call = 0; call < n && reports.size() < 2 * n; call++) {
                Defer.collectUnhandledErrors();
            }
            assertEquals(2 * n, reports.size(), () -> reports.toString());
            for (int i = 0; i < n; i++) {
                assertEquals(HEADER, reports.get(2 * i));
            }
        } finally {
            Global.globalLogPublisher().removeObserver(observer);
        }
    }
}
