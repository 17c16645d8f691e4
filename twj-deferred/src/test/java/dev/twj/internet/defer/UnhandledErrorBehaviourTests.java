package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Global;
import dev.twj.logger.ILogObserver;
import dev.twj.python.failure.Failure;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java-only side of the "Unhandled error in Deferred" report: the daemon reporter thread
 * and {@link Defer#collectUnhandledErrors} race for each collected Deferred, and exactly one of
 * them reports it.
 */
class UnhandledErrorBehaviourTests {
    @BeforeEach
    void setUp() {
        // Report what earlier tests left for the collector, so that it is not seen here.
        Defer.collectUnhandledErrors();
    }

    private static List<WeakReference<Deferred<?>>> dropFailingDeferreds(int n) {
        List<WeakReference<Deferred<?>>> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Deferred<Void> d = Defer.fail(new IllegalStateException("unhandled " + i));
            refs.add(new WeakReference<>(d));
        }
        return refs;
    }

    /** Each of many collected Deferreds is reported once, whichever reporter gets it. */
    @Test
    public void manyCollectedDeferredsAreEachReportedExactlyOnce() {
        int n = 500;
        // Keep 500 stack traces out of the build output.
        boolean hadSystemObserver =
                Global.globalLogPublisher().observers().contains(Global.systemLoggerObserver());
        Global.globalLogPublisher().removeObserver(Global.systemLoggerObserver());
        try (CapturedLogs logs = CapturedLogs.capture()) {
            LogTests.gcCollect(dropFailingDeferreds(n));
            // Whatever either reporter still had in hand is reported by now; nothing is reported
            // twice on a second pass.
            Defer.collectUnhandledErrors();

            int headers = 0;
            Set<Failure> failures = Collections.newSetFromMap(new IdentityHashMap<>());
            int failureEvents = 0;
            for (Map<String, Object> event : logs.events()) {
                if ("Unhandled error in Deferred:".equals(event.get("log_format"))) {
                    headers++;
                } else if (event.get("log_failure") instanceof Failure f
                        && f.check(IllegalStateException.class) != null) {
                    failureEvents++;
                    failures.add(f);
                }
            }
            assertEquals(n, headers);
            assertEquals(n, failureEvents);
            assertEquals(n, failures.size());
        } finally {
            if (hadSystemObserver) {
                Global.globalLogPublisher().addObserver(Global.systemLoggerObserver());
            }
        }
    }

    private static WeakReference<Deferred<?>> dropOneFailingDeferred(Failure failure) {
        Deferred<Void> d = Defer.fail(failure);
        return new WeakReference<>(d);
    }

    /**
     * The daemon reporter thread reports a collected Deferred with no help from the collect hook.
     */
    @Test
    public void theReporterThreadReportsWithoutTheCollectHook() throws InterruptedException {
        Failure failure = new Failure(new IllegalStateException("for the reporter thread"));
        CountDownLatch reported = new CountDownLatch(1);
        AtomicReference<String> reportedOn = new AtomicReference<>();
        ILogObserver observer = event -> {
            if (event.get("log_failure") == failure) {
                reportedOn.set(Thread.currentThread().getName());
                reported.countDown();
            }
        };
        Global.globalLogPublisher().addObserver(observer);
        try {
            WeakReference<Deferred<?>> ref = dropOneFailingDeferred(failure);
            for (int i = 0; i < 100 && ref.get() != null; i++) {
                System.gc();
            }
            assertNull(ref.get(), "the dropped Deferred was not garbage-collected");
            assertTrue(reported.await(30, TimeUnit.SECONDS),
                    "the reporter thread reported nothing");
            assertEquals("twj-unhandled-deferred-reporter", reportedOn.get());
        } finally {
            Global.globalLogPublisher().removeObserver(observer);
        }
    }

    private static WeakReference<Deferred<?>> dropHandledDeferred() {
        Deferred<Void> d = Defer.fail(new IllegalStateException("handled"));
        d.addErrback(f -> null);
        return new WeakReference<>(d);
    }

    /** A failure an errback handled is not reported when its Deferred is collected. */
    @Test
    public void aFailureHandledBeforeCollectionIsNotReported() {
        try (CapturedLogs logs = CapturedLogs.capture()) {
            LogTests.gcCollect(List.of(dropHandledDeferred()));
            assertEquals(List.of(), logs.events());
        }
    }
}
