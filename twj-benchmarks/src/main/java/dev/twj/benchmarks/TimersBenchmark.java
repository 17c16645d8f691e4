package dev.twj.benchmarks;

import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.selectreactor.SelectReactor;
import java.util.Random;

/**
 * Timed main (docs/performance.md, "Network"): on a fresh {@link SelectReactor}, schedules
 * 1,000,000 {@code callLater} calls with delays spread over 0 to 10 ms in random order, cancels
 * every other one, then runs the reactor until the 500,000 left have run, and prints the time of
 * each phase. Repeats (default 10 rounds; the first ones warm the JIT up) and prints the best and
 * the median round. Besides wall-clock time it prints the CPU time of the process (all its
 * threads, the garbage collector's included), which is what to compare on a shared machine.
 *
 * <p>Usage: {@code java -cp ... dev.twj.benchmarks.TimersBenchmark [calls] [rounds]}.
 */
public final class TimersBenchmark {
    private TimersBenchmark() {}

    private static int fired;
    private static double[] cpuTotals;

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Runs the rounds and prints one line per round, then the best and median totals. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double[] totals = new double[rounds];
        cpuTotals = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            totals[r] = round(n, r);
        }
        double[] sorted = totals.clone();
        java.util.Arrays.sort(sorted);
        double[] cpuSorted = cpuTotals.clone();
        java.util.Arrays.sort(cpuSorted);
        System.out.printf("calls=%d rounds=%d best_total_ms=%.1f median_total_ms=%.1f best_cpu_ms=%.1f median_cpu_ms=%.1f%n",
                n, rounds, sorted[0], sorted[rounds / 2], cpuSorted[0], cpuSorted[rounds / 2]);
    }

    private static double round(int n, int r) {
        SelectReactor reactor = new SelectReactor();
        Random random = new Random(42 + r);
        double[] delays = new double[n];
        for (int i = 0; i < n; i++) {
            delays[i] = random.nextInt(10_000) / 1e6;   // 0 to 10 ms, microsecond steps
        }
        int expected = n - n / 2;
        fired = 0;
        Runnable count = () -> {
            if (++fired == expected) {
                reactor.stop();
            }
        };
        IDelayedCall[] calls = new IDelayedCall[n];
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            calls[i] = reactor.callLater(delays[i], count);
        }
        long t1 = System.nanoTime();
        for (int i = 1; i < n; i += 2) {
            calls[i].cancel();
        }
        long t2 = System.nanoTime();
        reactor.run(false);
        long t3 = System.nanoTime();
        long c3 = cpuNanos();
        if (fired != expected) {
            throw new AssertionError("fired " + fired + " of " + expected);
        }
        double total = (t3 - t0) / 1e6;
        double cpu = (c3 - c0) / 1e6;
        System.out.printf("round %d: schedule %.1f ms, cancel %.1f ms, run %.1f ms, total %.1f ms; process CPU %.1f ms%n",
                r, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, total, cpu);
        cpuTotals[r] = cpu;
        return total;
    }
}
