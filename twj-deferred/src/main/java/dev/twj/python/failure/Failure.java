package dev.twj.python.failure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries an error through a chain of errbacks: the Java form of Twisted's
 * {@code twisted.python.failure.Failure}.
 *
 * <p>A {@code Failure} wraps any {@link Throwable}. A callback that throws, or that returns a
 * {@code Failure}, moves a {@link dev.twj.internet.defer.Deferred} onto its errback path, where
 * each errback receives the {@code Failure} and may {@link #trap trap} the errors it handles:
 *
 * <pre>{@code
 * d.addErrback(f -> {
 *     f.trap(ConnectionRefusedError.class);   // anything else is re-thrown and passed on
 *     return fallbackValue;
 * });
 * }</pre>
 *
 * <p>Port of {@code twisted.python.failure.Failure}. Where Java differs:
 * <ul>
 *   <li>A {@code Failure} is not itself a {@code Throwable}; Twisted's {@code Failure} subclasses
 *       {@code BaseException} only so that it can be raised, and Java callbacks throw the
 *       wrapped exception instead ({@link #raiseException}).</li>
 *   <li>There is no "current exception": build a {@code Failure} from the exception you caught.</li>
 *   <li>{@link #check} and {@link #trap} take classes and match subclasses with
 *       {@link Class#isInstance}, which is what Twisted's walk of the MRO does.</li>
 *   <li>{@link #trap} and {@link #raiseException} re-throw the original exception even when it is
 *       checked, without declaring it (as Python does).</li>
 *   <li>Tracebacks are Java stack traces (most recent call first).</li>
 * </ul>
 */
public final class Failure {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Throwable value;
    private final long count;

    /**
     * Wraps {@code value}.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Failure(Throwable value) {
        this.value = Objects.requireNonNull(value, "value == null");
        this.count = COUNTER.incrementAndGet();
    }

    /** Returns a copy of {@code other}, wrapping the same exception; like {@code Failure(aFailure)}. */
    public Failure(Failure other) {
        this(Objects.requireNonNull(other, "other == null").value);
    }

    /** The exception this failure carries. */
    public Throwable value() {
        return value;
    }

    /** The class of {@link #value()}. */
    public Class<? extends Throwable> type() {
        return value.getClass();
    }

    /** A number unique to this failure in this JVM, as Twisted's {@code Failure.count}. */
    public long count() {
        return count;
    }

    /**
     * Checks whether this failure's exception is an instance of any of {@code errorTypes}.
     *
     * @return the first of {@code errorTypes} that matches, exactly as passed, or {@code null}
     */
    public Class<?> check(Class<?>... errorTypes) {
        for (Class<?> errorType : errorTypes) {
            if (errorType.isInstance(value)) {
                return errorType;
            }
        }
        return null;
    }

    /**
     * Traps the given error types: returns the one that matches, and otherwise re-throws the
     * original exception so that the errback calling {@code trap} passes the failure on.
     *
     * <p>In an errback this reads as in Twisted:
     * <pre>{@code
     * d.addErrback(f -> { f.trap(ConnectionLost.class); return null; });
     * }</pre>
     *
     * <p>The original exception is re-thrown even when it is checked, and this method does not
     * declare it; the Deferred running the errback wraps it in a new {@code Failure}.
     *
     * @return the first of {@code errorTypes} that matches, exactly as passed
     */
    public Class<?> trap(Class<?>... errorTypes) {
        Class<?> matched = check(errorTypes);
        if (matched == null) {
            throw raiseException();
        }
        return matched;
    }

    /**
     * Throws the original exception, checked or not, without declaring it.
     *
     * <p>Declared to return an exception so that {@code throw failure.raiseException();} compiles
     * where the compiler needs to see a throw; it never returns.
     */
    public RuntimeException raiseException() {
        throw Failure.<RuntimeException>sneakyThrow(value);
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> X sneakyThrow(Throwable t) throws X {
        throw (X) t;
    }

    /** Returns the exception's message, or the empty string if it has none (Python's {@code str(e)}). */
    public String getErrorMessage() {
        String message = value.getMessage();
        return message == null ? "" : message;
    }

    /** Returns the full Java stack trace of the exception, causes included. */
    public String getTraceback() {
        StringWriter out = new StringWriter();
        printTraceback(new PrintWriter(out));
        return out.toString();
    }

    /**
     * Returns a short traceback: {@code Traceback: <class 'T'>: message} and then one line per
     * frame, {@code file:line:method}, as Twisted's brief detail does.
     */
    public String getBriefTraceback() {
        StringBuilder b = new StringBuilder();
        b.append("Traceback: <class '").append(type().getName()).append("'>: ")
                .append(getErrorMessage()).append('\n');
        for (StackTraceElement frame : value.getStackTrace()) {
            b.append(frame.getFileName()).append(':').append(frame.getLineNumber()).append(':')
                    .append(frame.getClassName()).append('.').append(frame.getMethodName())
                    .append('\n');
        }
        return b.toString();
    }

    /** Prints {@link #getTraceback()} to {@code out} and flushes it. */
    public void printTraceback(PrintWriter out) {
        value.printStackTrace(out);
        out.flush();
    }

    /** Prints {@link #getBriefTraceback()} to {@code out} and flushes it. */
    public void printBriefTraceback(PrintWriter out) {
        out.print(getBriefTraceback());
        out.flush();
    }

    /**
     * Kept for Twisted's API: Twisted drops traceback objects here to free memory. A Java
     * exception's stack trace is already plain data, so there is nothing to drop.
     */
    public void cleanFailure() {}

    /** Returns {@code <dev.twj.python.failure.Failure java.lang.Type: message>}, as Twisted's repr. */
    @Override
    public String toString() {
        return "<" + Failure.class.getName() + " " + type().getName() + ": " + getErrorMessage() + ">";
    }
}
