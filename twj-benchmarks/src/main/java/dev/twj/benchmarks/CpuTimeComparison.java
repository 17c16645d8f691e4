package dev.twj.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares the libraries of one {@link DeferredBenchmark} scenario by the CPU time of the running
 * thread, interleaved round by round, for a ratio that holds on a machine busy with other work.
 *
 * <p>JMH measures wall-clock time: when other processes take the CPU, the benchmark that runs
 * during the busy second looks slower, and a ratio taken between two benchmarks that ran a minute
 * apart carries that noise. This harness runs the scenario's four methods in turn, a batch of each
 * per round, times each batch with the thread's CPU clock (time off the CPU does not count), and
 * reports the median of the rounds. Thread CPU time leaves out the GC threads, which flatters the
 * libraries that allocate most; the process CPU time printed beside it counts them (and anything
 * else the JVM does meanwhile). It is a cross-check of the JMH figures, not a replacement: it has
 * no forks, and the four methods share one JIT profile.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.twj.benchmarks.CpuTimeComparison [scenario]
 * [rounds]}, with scenario one of {@code addThenFire}, {@code fireThenAdd}, {@code chainFired},
 * {@code gather} (default {@code addThenFire}), rounds default 200.
 */
public final class CpuTimeComparison {
    private CpuTimeComparison() {}

    /** A benchmark method, run once. */
    @FunctionalInterface
    interface Op {
        Object run() throws Exception;
    }

    /** Keeps results reachable so the JIT cannot drop the work. */
    static volatile Object sink;

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "addThenFire";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        DeferredBenchmark b = new DeferredBenchmark();
        List<String> names = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        int perOp;
        switch (scenario) {
            case "addThenFire" -> {
                names.addAll(List.of("twj", "completableFuture", "guava", "async"));
                ops.addAll(List.of(b::addThenFire_twj, b::addThenFire_completableFuture,
                        b::addThenFire_guava, b::addThenFire_async));
                perOp = DeferredBenchmark.CALLBACKS;
            }
            case "fireThenAdd" -> {
                names.addAll(List.of("twj", "completableFuture", "guava", "async"));
                ops.addAll(List.of(b::fireThenAdd_twj, b::fireThenAdd_completableFuture,
                        b::fireThenAdd_guava, b::fireThenAdd_async));
                perOp = DeferredBenchmark.CALLBACKS;
            }
            case "chainFired" -> {
                names.addAll(List.of("twj", "completableFuture", "guava", "async"));
                ops.addAll(List.of(b::chainFired_twj, b::chainFired_completableFuture,
                        b::chainFired_guava, b::chainFired_async));
                perOp = DeferredBenchmark.CALLBACKS;
            }
            case "gather" -> {
                names.addAll(List.of("twjManualGather", "completableFuture", "guava", "async"));
                ops.addAll(List.of(b::gather_twjManualGather, b::gather_completableFuture,
                        b::gather_guava, b::gather_async));
                perOp = DeferredBenchmark.GATHERED;
            }
            default -> throw new IllegalArgumentException("unknown scenario: " + scenario
                    + " (addThenFire, fireThenAdd, chainFired or gather)");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Size a batch to about 2 ms of CPU, measured on the first op after a warm-up.
        for (Op op : ops) {
            for (int i = 0; i < 200_000 / perOp; i++) {
                sink = op.run();
            }
        }
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 10_000; i++) {
            sink = ops.get(0).run();
        }
        long nsPerOp = Math.max(1, (threads.getCurrentThreadCpuTime() - t0) / 10_000);
        int batch = (int) Math.max(100, 2_000_000 / nsPerOp);
        double[][] samples = new double[ops.size()][rounds];
        double[][] processSamples = new double[ops.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < ops.size(); k++) {
                Op op = ops.get(k);
                long startProcess = processCpuTime();
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < batch; i++) {
                    sink = op.run();
                }
                samples[k][r] = (threads.getCurrentThreadCpuTime() - start) / (double) batch;
                processSamples[k][r] = (processCpuTime() - startProcess) / (double) batch;
            }
        }
        System.out.printf(Locale.ROOT, "scenario %s: %d rounds of %d ops each; thread CPU time "
                + "median (p10..p90); process CPU time (with GC threads) mean%n",
                scenario, rounds, batch);
        double first = median(samples[0]);
        double firstProcess = mean(processSamples[0]);
        for (int k = 0; k < ops.size(); k++) {
            double[] s = samples[k].clone();
            Arrays.sort(s);
            double med = s[s.length / 2];
            double process = mean(processSamples[k]);
            System.out.printf(Locale.ROOT,
                    "  %-18s %9.1f ns/op (%7.1f..%7.1f) %6.2f ns per %s, %s/this %.2f"
                            + " | process %9.1f ns/op, %s/this %.2f%n",
                    names.get(k), med, s[s.length / 10], s[s.length * 9 / 10],
                    med / perOp, perOp == DeferredBenchmark.GATHERED ? "Deferred" : "callback",
                    names.get(0), first / med, process, names.get(0), firstProcess / process);
        }
    }

    /** CPU time of the whole JVM (all threads, GC included), in nanoseconds. */
    private static long processCpuTime() {
        return ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    // The process clock ticks coarsely (10 ms here), so a batch often reads 0: only the mean over
    // all rounds means anything.
    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
