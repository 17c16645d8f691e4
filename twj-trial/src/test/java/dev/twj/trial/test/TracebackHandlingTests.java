package dev.twj.trial.test;

import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests for the trimming of trial's own frames from the tracebacks of the report. Port of
 * {@code twisted.trial.test.test_reporter.TracebackHandlingTests}. Java's frames come most
 * recent first, so the expected frames are listed in that order; a frame is its method and file
 * name.
 */
final class TracebackHandlingTests extends SynchronousTestCase {
    /**
     * Runs the given test, makes sure it fails and returns the trimmed frames.
     */
    List<StackTraceElement> getErrorFrames(SynchronousTestCase test) {
        Reporter result = new Reporter(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        test.run(result);
        List<TestResult.Outcome> bads = new ArrayList<>(result.failures);
        bads.addAll(result.errors);
        assertEqual(bads.size(), 1);
        assertIdentical(bads.get(0).test(), test);
        return Reporter.trimFrames(bads.get(0).failure().frames());
    }

    /** Checks each observed frame's method and file against the expected ones. */
    void checkFrames(List<StackTraceElement> observedFrames, List<List<String>> expectedFrames) {
        List<List<String>> observed = new ArrayList<>();
        for (StackTraceElement f : observedFrames) {
            String file = f.getFileName() == null ? "" : f.getFileName().replace(".java", "");
            observed.add(List.of(f.getMethodName(), file));
        }
        assertEqual(observed, expectedFrames);
    }

    /** A failing test method shows only its own frame. */
    public void test_basic() {
        SynchronousTestCase test = SynchronousTestCase.forMethod(
                Erroneous.TestRegularFail.class, "test_fail");
        checkFrames(getErrorFrames(test), List.of(List.of("test_fail", "Erroneous")));
    }

    /** A test failing in a subroutine shows the subroutine's frame and its own. */
    public void test_subroutine() {
        SynchronousTestCase test = SynchronousTestCase.forMethod(
                Erroneous.TestRegularFail.class, "test_subfail");
        checkFrames(getErrorFrames(test), List.of(
                List.of("subroutine", "Erroneous"),
                List.of("test_subfail", "Erroneous")));
    }

    /**
     * trimFrames removes traces of running the callbacks when getting an error in a callback
     * returned by a TestCase based test.
     */
    public void test_deferred() {
        SynchronousTestCase test = SynchronousTestCase.forMethod(
                Erroneous.TestAsynchronousFail.class, "test_fail");
        List<StackTraceElement> frames = getErrorFrames(test);
        assertTrue(!frames.isEmpty(), frames);
        assertTrue(frames.get(0).getMethodName().startsWith("lambda$test_fail$"), frames);
        assertEqual(frames.get(0).getFileName(), "Erroneous.java");
        for (StackTraceElement f : frames) {
            assertNotEqual(f.getClassName(), "dev.twj.internet.defer.Deferred", frames);
        }
    }

    /** No frames: nothing to trim. */
    public void test_noFrames() {
        assertEqual(List.of(), Reporter.trimFrames(List.of()));
    }

    /** One frame is kept as it is. */
    public void test_oneFrame() {
        StackTraceElement fake = new StackTraceElement("fake", "frame", null, -1);
        assertEqual(List.of(fake), Reporter.trimFrames(List.of(fake)));
    }

    /**
     * trimFrames removes trial's frames when a synchronous exception happens in a TestCase based
     * test.
     */
    public void test_exception() {
        SynchronousTestCase test = SynchronousTestCase.forMethod(
                Erroneous.TestAsynchronousFail.class, "test_exception");
        checkFrames(getErrorFrames(test), List.of(List.of("test_exception", "Erroneous")));
    }
}
