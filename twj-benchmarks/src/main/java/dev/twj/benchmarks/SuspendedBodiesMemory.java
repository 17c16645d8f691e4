package dev.twj.benchmarks;

import static dev.twj.internet.defer.Defer.await;
import static dev.twj.internet.defer.Defer.inlineCallbacks;

import dev.twj.internet.defer.Deferred;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap held by 100,000 inlineCallbacks bodies suspended at once, each in an
 * {@code await} of its own unfired Deferred: a timed main, not a JMH benchmark (what it measures
 * is retained memory, not time).
 *
 * <pre>
 *   java --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
 *       -cp twj-benchmarks/target/benchmarks.jar dev.twj.benchmarks.SuspendedBodiesMemory [count]
 * </pre>
 */
public final class SuspendedBodiesMemory {
    private SuspendedBodiesMemory() {}

    /** Suspends {@code args[0]} (default 100,000) bodies and prints the heap they hold. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Warm up the engine so its one-time classes are not counted.
        Deferred<Integer> warm = new Deferred<>();
        Deferred<Integer> warmBody = inlineCallbacks(() -> await(warm) + 1);
        warm.callback(1);
        if (warmBody.result() == null) {
            throw new AssertionError("warm-up body did not finish");
        }
        long before = usedAfterGc(memory);
        List<Deferred<Integer>> waiting = new ArrayList<>(n);
        List<Deferred<Integer>> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Deferred<Integer> d = new Deferred<>();
            waiting.add(d);
            bodies.add(inlineCallbacks(() -> await(d) + 1));
        }
        long suspended = usedAfterGc(memory);
        long threads = Thread.activeCount();
        for (Deferred<Integer> d : waiting) {
            d.callback(41);
        }
        long sum = 0;
        for (Deferred<Integer> b : bodies) {
            sum += (Integer) b.result();
        }
        System.out.printf("bodies=%d heap held=%.1f MiB (%d bytes per suspended body) "
                        + "live threads while suspended=%d, sum after resume=%d, max heap=%d MiB%n",
                n, (suspended - before) / 1048576.0, (suspended - before) / n, threads, sum,
                memory.getHeapMemoryUsage().getMax() / 1048576);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
