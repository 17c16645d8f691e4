package dev.twj.trial.reporter;

import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A {@link TestResult} that writes to a stream: the tracebacks of every failure, error, skip and
 * todo at the end ({@link #done}), then the number of tests run and a summary line
 * ({@code PASSED (successes=3)}, {@code FAILED (failures=1, successes=2)}). Port of
 * {@code twisted.trial.reporter.Reporter}; its subclasses print each test as it runs.
 *
 * <p>Differences from trial: no warnings observer (Java has no warnings module); tracebacks are
 * Java stack traces (most recent call first), trimmed of trial's own frames as trial's are.
 */
public class Reporter extends TestResult {
    /** Writes text in a color; trial's colorizers. */
    public interface Colorizer {
        /** Writes {@code text} in {@code color} ("red", "green", "blue", "yellow"...). */
        void write(String text, String color);
    }

    /** An error whose traceback was formatted elsewhere (a worker JVM): printed as is. */
    public interface RemoteTraceback {
        /** Returns the traceback text. */
        String traceback();
    }

    /** A 79-column line of dashes, before the "Ran N tests" line. */
    public static final String SEPARATOR = "-".repeat(79);
    /** A 79-column line of equals signs, before each group of results. */
    public static final String DOUBLE_SEPARATOR = "=".repeat(79);

    /** The stream the report goes to. */
    protected final PrintStream stream;
    /** Whether failures and errors are printed as they happen too ({@code --rterrors}). */
    protected final boolean realtime;
    /** How colored text is written: plain unless the stream is an ANSI terminal. */
    protected Colorizer colorizer;
    /** When the first test started ({@link #getTime} seconds), NaN before: {@code _startTime}. */
    protected double startTime = Double.NaN;

    /** Creates a reporter writing to {@code stream}. */
    public Reporter(PrintStream stream) {
        this(stream, false);
    }

    /** Creates a reporter writing to {@code stream}, printing errors at once if {@code realtime}. */
    public Reporter(PrintStream stream, boolean realtime) {
        this.stream = stream;
        this.realtime = realtime;
        this.colorizer = nullColorizer(stream);
    }

    /** Returns a colorizer that writes text without color: trial's {@code _NullColorizer}. */
    public static Colorizer nullColorizer(PrintStream stream) {
        return (text, color) -> {
            stream.print(text);
            stream.flush();
        };
    }

    /** Returns a colorizer that writes ANSI escape codes: trial's {@code _AnsiColorizer}. */
    public static Colorizer ansiColorizer(PrintStream stream) {
        Map<String, Integer> colors = Map.of("black", 30, "red", 31, "green", 32, "yellow", 33,
                "blue", 34, "magenta", 35, "cyan", 36, "white", 37);
        return (text, color) -> {
            stream.print("\u001b[" + colors.getOrDefault(color, 37) + ";1m" + text + "\u001b[0m");
            stream.flush();
        };
    }

    @Override
    public void startTest(SynchronousTestCase test) {
        super.startTest(test);
        if (Double.isNaN(startTime)) {
            startTime = getTime();
        }
    }

    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        super.addFailure(test, fail);
        if (realtime) {
            write(formatFailureTraceback(fail));
        }
    }

    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        super.addError(test, error);
        if (realtime) {
            write(formatFailureTraceback(error));
        }
    }

    /**
     * Writes a warning and a newline: {@code "<category>: <message>"}. Trial's reporter
     * prints the warnings it observes so; twj's wrappers call this instead (no warnings module).
     */
    void writeWarning(String category, String message) {
        write(category + ": " + message + "\n");
    }

    /** Writes {@code s} to the stream and flushes it. */
    protected void write(String s) {
        stream.print(s);
        stream.flush();
    }

    /** Writes {@code s} and a newline. */
    protected void writeln(String s) {
        write(s);
        write("\n");
    }

    /**
     * Formats a failure for the report: its traceback, with trial's own frames trimmed
     * ({@link #trimFrames}), ending with a newline. Trial's {@code _formatFailureTraceback}.
     */
    protected String formatFailureTraceback(Failure fail) {
        String tb = fail.value() instanceof RemoteTraceback remote
                ? remote.traceback() : trimmedTraceback(fail);
        return tb.endsWith("\n") ? tb : tb + "\n";
    }

    /**
     * Returns the traceback of {@code fail} with its own frames replaced by
     * {@link #trimFrames}'s; causes and suppressed exceptions are kept whole. If the traceback
     * does not have the failure's frames, it is returned as it is.
     */
    public static String trimmedTraceback(Failure fail) {
        String tb = fail.getTraceback();
        List<StackTraceElement> frames = fail.frames();
        String[] lines = tb.split("\n", -1);
        int first = 0;
        while (first < lines.length && !lines[first].startsWith("\tat ")) {
            first++;
        }
        int end = first;
        while (end < lines.length && lines[end].startsWith("\tat ")) {
            end++;
        }
        if (frames.isEmpty() || end - first != frames.size()) {
            return tb;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < first; i++) {
            b.append(lines[i]).append('\n');
        }
        for (StackTraceElement frame : trimFrames(frames)) {
            b.append("\tat ").append(frame).append('\n');
        }
        for (int i = end; i < lines.length; i++) {
            b.append(lines[i]);
            if (i < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Trims frames to remove trial's own: returns the frames of the test's code only. Port of
     * trial's {@code _trimFrames}; Java's frames come most recent first.
     *
     * <p>When a test method fails synchronously, its frames sit above the reflective call of
     * {@code SynchronousTestCase}'s runner: everything from that call down is cut. When it fails
     * in a callback of a Deferred, everything from the Deferred's running of its callbacks down
     * (and the Deferred's frames that called the callback) is cut. Then {@code fail*} frames of {@code SynchronousTestCase} on top are cut. If none of
     * these is recognized, the frames are returned as they are.
     */
    public static List<StackTraceElement> trimFrames(List<StackTraceElement> frames) {
        List<StackTraceElement> newFrames = new ArrayList<>(frames);
        if (frames.size() < 2) {
            return newFrames;
        }
        int cut = -1;
        for (int i = 0; i < newFrames.size(); i++) {
            StackTraceElement f = newFrames.get(i);
            if (f.getClassName().equals(SYNCTEST) && f.getMethodName().equals("runMethod")) {
                cut = i;
                while (cut > 0 && isReflection(newFrames.get(cut - 1))) {
                    cut--;
                }
                break;
            }
            if (f.getClassName().equals(DEFERRED) && f.getMethodName().startsWith("runCallbacks")) {
                cut = i;
                while (cut > 0 && newFrames.get(cut - 1).getClassName().equals(DEFERRED)) {
                    cut--;
                }
                break;
            }
        }
        if (cut >= 0) {
            newFrames = new ArrayList<>(newFrames.subList(0, cut));
        }
        if (newFrames.isEmpty()) {
            // The method fails before getting called, probably an argument problem.
            return newFrames;
        }
        while (newFrames.size() > 0 && newFrames.get(0).getClassName().equals(SYNCTEST)
                && newFrames.get(0).getMethodName().startsWith("fail")) {
            newFrames.remove(0);
        }
        return newFrames;
    }

    private static final String SYNCTEST = "dev.twj.trial.unittest.SynchronousTestCase";
    private static final String DEFERRED = "dev.twj.internet.defer.Deferred";

    private static boolean isReflection(StackTraceElement f) {
        return f.getClassName().startsWith("jdk.internal.reflect.")
                || f.getClassName().equals("java.lang.reflect.Method");
    }

    /**
     * Groups tests by their formatted outcome: each distinct text with the tests that had it, in
     * first-seen order. Trial's {@code _groupResults}.
     */
    protected <R> List<Map.Entry<String, List<SynchronousTestCase>>> groupResults(
            List<R> results, java.util.function.Function<R, SynchronousTestCase> test,
            java.util.function.Function<R, String> formatter) {
        Map<String, List<SynchronousTestCase>> groups = new LinkedHashMap<>();
        for (R r : results) {
            groups.computeIfAbsent(formatter.apply(r), k -> new ArrayList<>()).add(test.apply(r));
        }
        return new ArrayList<>(groups.entrySet());
    }

    /** Prints a group of results of one {@code flavor} ({@code [FAIL]}, {@code [SKIPPED]} ...). */
    protected <R> void printResults(String flavor, List<R> results,
            java.util.function.Function<R, SynchronousTestCase> test,
            java.util.function.Function<R, String> formatter) {
        for (Map.Entry<String, List<SynchronousTestCase>> group
                : groupResults(results, test, formatter)) {
            writeln(DOUBLE_SEPARATOR);
            writeln(flavor);
            write(group.getKey());
            writeln("");
            for (SynchronousTestCase c : group.getValue()) {
                writeln(c.id());
            }
        }
    }

    private String printExpectedFailure(Failure error, Todo todo) {
        return "Reason: " + repr(todo.value()) + "\n" + formatFailureTraceback(error);
    }

    private String printUnexpectedSuccess(Todo todo) {
        String ret = "Reason: " + repr(todo.value()) + "\n";
        if (todo.errors().length > 0) {
            List<String> names = new ArrayList<>();
            for (Class<?> c : todo.errors()) {
                names.add(c.getName());
            }
            ret += "Expected errors: " + String.join(", ", names) + "\n";
        }
        return ret;
    }

    private static String repr(String s) {
        return "'" + s + "'";
    }

    /** Prints all of the non-success results in full. */
    protected void printErrors() {
        write("\n");
        printResults("[SKIPPED]", skips, Skipped::test, s -> s.reason() + "\n");
        printResults("[TODO]", expectedFailures, ExpectedFailure::test,
                e -> printExpectedFailure(e.failure(), e.todo()));
        printResults("[FAIL]", failures, Outcome::test, o -> formatFailureTraceback(o.failure()));
        printResults("[ERROR]", errors, Outcome::test, o -> formatFailureTraceback(o.failure()));
        printResults("[SUCCESS!?!]", unexpectedSuccesses, UnexpectedSuccess::test,
                u -> printUnexpectedSuccess(u.todo()));
    }

    /** Returns the counts of the run, as {@code " (failures=1, successes=2)"}, or "" if none. */
    protected String getSummary() {
        List<String> summaries = new ArrayList<>();
        BiFunction<String, Integer, Void> add = (name, n) -> {
            if (n > 0) {
                summaries.add(name + "=" + n);
            }
            return null;
        };
        add.apply("skips", skips.size());
        add.apply("expectedFailures", expectedFailures.size());
        add.apply("failures", failures.size());
        add.apply("errors", errors.size());
        add.apply("unexpectedSuccesses", unexpectedSuccesses.size());
        add.apply("successes", successes.size());
        return summaries.isEmpty() ? "" : " (" + String.join(", ", summaries) + ")";
    }

    /** Prints the summary line: {@code PASSED} or {@code FAILED} and the counts. */
    protected void printSummary() {
        write((wasSuccessful() ? "PASSED" : "FAILED") + getSummary() + "\n");
    }

    /**
     * Summarizes the run: every error, todo, skip and so forth in full, the number of tests run
     * and how long they took, and the summary line.
     */
    @Override
    public void done() {
        printErrors();
        writeln(SEPARATOR);
        if (!Double.isNaN(startTime)) {
            writeln(String.format(Locale.ROOT, "Ran %d tests in %.3fs", testsRun(),
                    getTime() - startTime));
        }
        write("\n");
        printSummary();
    }
}
