package dev.twj.trial.reporter;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints only a line of numbers at the end: time taken, tests run (twice), errors, failures,
 * skips. Port of {@code twisted.trial.reporter.MinimalReporter} ({@code --reporter=summary}).
 */
public class MinimalReporter extends Reporter {
    /** Creates a minimal reporter writing to {@code stream}. */
    public MinimalReporter(PrintStream stream, boolean realtime) {
        super(stream, realtime);
    }

    /** Prints nothing: the minimal reporter shows no tracebacks. */
    @Override
    protected void printErrors() {}

    /**
     * Prints "time testsRun testsRun errors failures skips": the number of tests twice, as trial
     * does for legacy reasons; the time is {@code 0} when no test ran.
     */
    @Override
    protected void printSummary() {
        String timing = Double.isNaN(startTime) ? "0" : Double.toString(getTime() - startTime);
        writeln(String.format(Locale.ROOT, "%s %d %d %d %d %d", timing, testsRun(), testsRun(),
                errors.size(), failures.size(), skips.size()));
    }

    /** Prints only the summary line. */
    @Override
    public void done() {
        printSummary();
    }
}
