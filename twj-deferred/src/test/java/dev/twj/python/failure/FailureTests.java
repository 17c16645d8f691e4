package dev.twj.python.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link Failure}. Port of {@code twisted.test.test_failure.FailureTests}.
 */
class FailureTests {

    /** Make a {@code Failure} of a divide-by-zero error. */
    static Failure getDivisionFailure() {
        int zero = 0;
        try {
            int unused = 1 / zero;
            throw new AssertionError("1 / 0 gave " + unused);
        } catch (ArithmeticException e) {
            return new Failure(e);
        }
    }

    /** Trapping a {@link Failure}. */
    @Test
    public void test_failAndTrap() {
        Failure f;
        try {
            throw new UnsupportedOperationException("test");
        } catch (RuntimeException e) {
            f = new Failure(e);
        }
        Class<?> error = f.trap(InterruptedException.class, RuntimeException.class);
        assertEquals(RuntimeException.class, error);
        assertEquals(UnsupportedOperationException.class, f.type());
    }

    /**
     * If the wrapped exception is not a subclass of one of the expected types,
     * {@link Failure#trap} raises the wrapped exception.
     */
    @Test
    public void test_trapRaisesWrappedException() {
        IllegalArgumentException exception = new IllegalArgumentException();
        Failure f;
        try {
            throw exception;
        } catch (RuntimeException e) {
            f = new Failure(e);
        }
        Failure failure = f;
        IllegalArgumentException untrapped = assertThrows(
                IllegalArgumentException.class, () -> failure.trap(ArithmeticException.class));
        assertSame(exception, untrapped);
    }

    /**
     * A {@link Failure} constructed from another {@link Failure} instance has its {@code value}
     * set to the value of that instance.
     */
    @Test
    public void test_failureValueFromFailure() {
        IllegalArgumentException exception = new IllegalArgumentException();
        Failure f1 = new Failure(exception);
        Failure f2 = new Failure(f1);
        assertSame(exception, f2.value());
    }

    /**
     * A {@link Failure} constructed in the handler of the exception raised by {@code trap} has the
     * original failure's value. (Twisted searches for the "original" Failure of the current
     * exception; in Java the handler passes the caught exception, which is that same value.)
     */
    @Test
    public void test_failureValueFromFoundFailure() {
        IllegalArgumentException exception = new IllegalArgumentException();
        Failure f1 = new Failure(exception);
        Failure f2 = null;
        try {
            f1.trap(ArithmeticException.class);
        } catch (Throwable e) {
            f2 = new Failure(e);
        }
        assertNotNull(f2);
        assertSame(exception, f2.value());
    }

    private static void assertStartsWith(String s, String prefix) {
        assertTrue(s.startsWith(prefix), "'" + prefix + "' is not the start of '" + s + "'");
    }

    private static void assertEndsWith(String s, String suffix) {
        assertTrue(s.endsWith(suffix), "'" + suffix + "' is not the end of '" + s + "'");
    }

    private static void assertTracebackFormat(String tb, String prefix, String suffix) {
        assertStartsWith(tb, prefix);
        assertEndsWith(tb, suffix);
    }

    /**
     * Assert that {@code printDetailedTraceback} produces and prints a detailed traceback: a
     * header {@code *--- Failure #20 ---}, the frames
     * ({@code FailureTests.java:25: dev.twj...FailureTests.getDivisionFailure(...)}), the note that
     * locals and globals are not captured, and the footer with the value:
     * {@code java.lang.ArithmeticException: / by zero\n*--- End of Failure #20 ---}.
     */
    private void assertDetailedTraceback(boolean cleanFailure) {
        Failure f = getDivisionFailure();
        StringWriter out = new StringWriter();
        if (cleanFailure) {
            f.cleanFailure();
        }
        f.printDetailedTraceback(out);

        String tb = out.toString();
        String start = "*--- Failure #" + f.count() + " ---\n";
        String end = f.type().getName() + ": " + f.value().getMessage() + "\n*--- End of Failure #"
                + f.count() + " ---\n";
        assertTracebackFormat(tb, start, end);

        // Variables are printed on lines with 2 leading spaces.
        List<String> linesWithVars = tb.lines().filter(l -> l.startsWith("  ")).toList();
        assertEquals(List.of(), linesWithVars);
        assertTrue(tb.contains(
                " [Capture of Locals and Globals disabled (not available on the JVM)]\n"), tb);
        assertTrue(tb.contains("FailureTests.java:"), tb);
        assertTrue(tb.contains(": dev.twj.python.failure.FailureTests.getDivisionFailure(...)\n"), tb);
    }

    /**
     * Assert that {@code printBriefTraceback} produces and prints a brief traceback: the header
     * {@code Traceback: <class 'java.lang.ArithmeticException'>: / by zero} and then one
     * {@code file:line:method} line per frame.
     */
    private void assertBriefTraceback() {
        Failure f = getDivisionFailure();
        StringWriter out = new StringWriter();
        f.printBriefTraceback(out);
        String tb = out.toString();
        String stack = f.frames().stream()
                .map(frame -> frame.getFileName() + ":" + frame.getLineNumber() + ":"
                        + frame.getClassName() + "." + frame.getMethodName() + "\n")
                .collect(Collectors.joining());
        String zde = "<class '" + ArithmeticException.class.getName() + "'>";
        assertTracebackFormat(tb, "Traceback: " + zde + ": ", stack);
        assertTrue(tb.contains(
                "FailureTests.java:" + f.frames().get(0).getLineNumber()
                        + ":dev.twj.python.failure.FailureTests.getDivisionFailure\n"), tb);
    }

    /**
     * Assert that {@code printTraceback} produces and prints a default traceback, the one the
     * JVM's standard error reporting prints: the header {@code java.lang.ArithmeticException: /
     * by zero} and then {@code \tat frame} per frame, most recent call first.
     */
    private void assertDefaultTraceback() {
        Failure f = getDivisionFailure();
        StringWriter out = new StringWriter();
        f.printTraceback(out);
        String tb = out.toString();
        String stack = f.frames().stream().map(frame -> "\tat " + frame + "\n")
                .collect(Collectors.joining());
        assertTracebackFormat(
                tb, f.type().getName() + ": " + f.value().getMessage() + "\n", stack);
        assertStartsWith(tb.lines().skip(1).findFirst().orElseThrow(),
                "\tat dev.twj.python.failure.FailureTests.getDivisionFailure(FailureTests.java:");
    }

    /** {@code printDetailedTraceback} returns a detailed traceback including the Failure's count. */
    @Test
    public void test_printDetailedTraceback() {
        assertDetailedTraceback(false);
    }

    /** {@code printBriefTraceback} returns a brief traceback. */
    @Test
    public void test_printBriefTraceback() {
        assertBriefTraceback();
    }

    /** {@code printTraceback} returns a traceback. */
    @Test
    public void test_printTraceback() {
        assertDefaultTraceback();
    }

    /** {@code formatFrames} raises IllegalArgumentException if the detail level is unknown. */
    @Test
    public void test_invalidFormatFramesDetail() {
        assertThrows(IllegalArgumentException.class,
                () -> Failure.formatFrames(null, null, "noisia"));
    }

    @Test
    public void test_ExplictPass() {
        RuntimeException e = new RuntimeException();
        Failure f = new Failure(e);
        f.trap(RuntimeException.class);
        assertEquals(e, f.value());
    }

    private static StackTraceElement getInnermostFrame(Failure f) {
        try {
            throw f.raiseException();
        } catch (ArithmeticException e) {
            return e.getStackTrace()[0];
        }
    }

    /** {@code raiseException} throws the exception with the stack trace it was raised with. */
    @Test
    public void test_RaiseExceptionWithTB() {
        Failure f = getDivisionFailure();
        StackTraceElement inner = getInnermostFrame(f);
        assertEquals("getDivisionFailure", inner.getMethodName());
        assertEquals(FailureTests.class.getName(), inner.getClassName());
    }

    /**
     * {@code getTracebackObject} returns the traceback captured when the exception was raised:
     * its frames.
     */
    @Test
    public void test_getTracebackObject() {
        Failure f = getDivisionFailure();
        assertEquals(List.of(f.value().getStackTrace()), f.getTracebackObject());
    }

    /**
     * If the Failure has been cleaned, then {@code getTracebackObject} returns an object that
     * looks the same.
     */
    @Test
    public void test_getTracebackObjectFromClean() {
        Failure f = getDivisionFailure();
        List<StackTraceElement> expected = f.getTracebackObject();
        f.cleanFailure();
        List<StackTraceElement> observed = f.getTracebackObject();
        assertNotNull(expected);
        assertEquals(expected, observed);
    }

    /**
     * Failures need not have traceback information. If a Failure has none at all,
     * {@code getTracebackObject} returns null. (A Java exception records its stack trace when it
     * is created, so the Java form of Python's never-raised exception is one created without a
     * writable stack trace.)
     */
    @Test
    public void test_getTracebackObjectWithoutTraceback() {
        Failure f = new Failure(new Exception("some error", null, false, false) {
            private static final long serialVersionUID = 1L;
        });
        assertNull(f.getTracebackObject());
    }

    /**
     * If a Failure is constructed with an exception, the traceback is the exception's own
     * (Python 3's {@code __traceback__}; Java's stack trace).
     */
    @Test
    public void test_tracebackFromExceptionInPython3() {
        ArithmeticException exception = null;
        int zero = 0;
        try {
            int unused = 1 / zero;
            fail("1 / 0 gave " + unused);
        } catch (ArithmeticException e) {
            exception = e;
        }
        Failure f = new Failure(exception);
        assertEquals(List.of(exception.getStackTrace()), f.frames());
    }

    /**
     * The {@code toString} (Twisted's {@code repr}) of a Failure shows the type and string
     * representation of the underlying exception.
     */
    @Test
    public void test_repr() {
        Failure f = getDivisionFailure();
        String typeName = ArithmeticException.class.getName();
        assertEquals("<dev.twj.python.failure.Failure " + typeName + ": / by zero>", f.toString());
    }
}
