package dev.twj.trial.reporter;

import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the tests as a tree, indented by package and class, each with its outcome at column 79:
 * {@code [OK]}, {@code [FAIL]}, {@code [ERROR]}, {@code [SKIPPED]}, {@code [TODO]},
 * {@code [SUCCESS!?!]}. trial's default reporter; port of
 * {@code twisted.trial.reporter.TreeReporter}.
 *
 * <pre>
 * dev.twj.trial.test.test_spam
 *   SpamTests
 *     test_eggs ...                                                        [OK]
 * </pre>
 *
 * <p>As in trial, a test reporting two outcomes (a success and then a dirty reactor error) prints
 * two status marks.
 */
public class TreeReporter extends Reporter {
    /** Color of {@code [FAIL]}. */
    public static final String FAILURE = "red";
    /** Color of {@code [ERROR]}. */
    public static final String ERROR = "red";
    /** Color of {@code [TODO]}. */
    public static final String TODO = "blue";
    /** Color of {@code [SKIPPED]}. */
    public static final String SKIP = "blue";
    /** Color of {@code [SUCCESS!?!]}. */
    public static final String TODONE = "red";
    /** Color of {@code [OK]}. */
    public static final String SUCCESS = "green";

    private static final String INDENT = "  ";
    private static final int COLUMNS = 79;

    private String currentLine = "";
    private List<String> lastTest = List.of();

    /** Creates a tree reporter writing to {@code stream}. */
    public TreeReporter(PrintStream stream) {
        this(stream, false);
    }

    /** Creates a tree reporter; {@code realtime} prints errors as they happen. */
    public TreeReporter(PrintStream stream, boolean realtime) {
        super(stream, realtime);
    }

    /** Replaces the colorizer (tests use a recording one). */
    public void setColorizer(Colorizer colorizer) {
        this.colorizer = colorizer;
    }

    /** Returns what is shown in the leaves of the tree: the method name. */
    public String getDescription(SynchronousTestCase test) {
        String id = test.id();
        return id.substring(id.lastIndexOf('.') + 1);
    }

    @Override
    public void addSuccess(SynchronousTestCase test) {
        super.addSuccess(test);
        endLine("[OK]", SUCCESS);
    }

    @Override
    public void addError(SynchronousTestCase test, Failure error) {
        super.addError(test, error);
        endLine("[ERROR]", ERROR);
    }

    @Override
    public void addFailure(SynchronousTestCase test, Failure fail) {
        super.addFailure(test, fail);
        endLine("[FAIL]", FAILURE);
    }

    @Override
    public void addSkip(SynchronousTestCase test, String reason) {
        super.addSkip(test, reason);
        endLine("[SKIPPED]", SKIP);
    }

    @Override
    public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
        super.addExpectedFailure(test, error, todo);
        endLine("[TODO]", TODO);
    }

    @Override
    public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
        super.addUnexpectedSuccess(test, todo);
        endLine("[SUCCESS!?!]", TODONE);
    }

    @Override
    protected void write(String s) {
        currentLine = s;
        super.write(s);
    }

    /**
     * Returns the non-leaf segments of {@code testID} to display in the tree: normally the
     * package and the class.
     */
    public List<String> getPreludeSegments(String testID) {
        List<String> parts = Arrays.asList(testID.split("\\.", -1));
        List<String> segments = parts.subList(0, parts.size() - 1);
        if (segments.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String seg : List.of(String.join(".", segments.subList(0, segments.size() - 1)),
                segments.get(segments.size() - 1))) {
            if (!seg.isEmpty()) {
                result.add(seg);
            }
        }
        return result;
    }

    private void testPrelude(String testID) {
        List<String> segments = getPreludeSegments(testID);
        int indentLevel = 0;
        for (String seg : segments) {
            if (indentLevel >= lastTest.size() || !seg.equals(lastTest.get(indentLevel))) {
                write(INDENT.repeat(indentLevel) + seg + "\n");
            }
            indentLevel++;
        }
        lastTest = segments;
    }

    /** Writes the test's name, indented under its package and class (written when new). */
    @Override
    public void startTest(SynchronousTestCase test) {
        testPrelude(test.id());
        write(INDENT.repeat(lastTest.size()) + getDescription(test) + " ... ");
        super.startTest(test);
    }

    /** Prints {@code message} in {@code color}, right-aligned at column 79, and a newline. */
    public void endLine(String message, String color) {
        int spaces = COLUMNS - currentLine.length() - message.length();
        super.write(" ".repeat(Math.max(0, spaces)));
        colorizer.write(message, color);
        super.write("\n");
    }

    /** Prints the summary line with {@code PASSED} in green or {@code FAILED} in red. */
    @Override
    protected void printSummary() {
        String summary = getSummary();
        if (wasSuccessful()) {
            colorizer.write("PASSED", SUCCESS);
        } else {
            colorizer.write("FAILED", FAILURE);
        }
        super.write(summary + "\n");
    }
}
