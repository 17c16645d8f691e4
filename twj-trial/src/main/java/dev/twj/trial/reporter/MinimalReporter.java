package dev.twj.trial.reporter;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints only a line of numbers at the end: time taken, tests run, errors, failures, skips. Port
 * of {@code twisted.trial.reporter.MinimalReporter} ({@code --reporter=summary}).
 */
public class MinimalReporter extends Reporter {
    private long startNanos = -1;

    /** Creates a minimal reporter writing to {@code stream}. */
    public MinimalReporter(PrintStream stream, boolean realtime) {
        super(stream, realtime);
    }

    @Override
    public void startTest(dev.twj.trial.unittest.SynchronousTestCase test) {
        super.startTest(test);
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
    }

    /** Prints nothing: the minimal reporter shows no tracebacks. */
    @Override
    protected void printErrors() {}

    /** Prints "time testsRun errors failures skips". */
    @Override
    protected void printSummary() {
        double timing = startNanos < 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
        writeln(String.format(Locale.ROOT, "%s %d %d %d %d", timing, testsRun(), errors.size(),
                failures.size(), skips.size()));
    }

    /** Prints only the summary line. */
    @Override
    public void done() {
        printSummary();
    }
}
