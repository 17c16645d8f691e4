package dev.twj.python.failure;

import java.io.Flushable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Carries an error through a chain of errbacks: the Java form of Twisted's
 * {@code twisted.python.failure.Failure}, "a basic abstraction for an error that has occurred",
 * needed because the language's own error mechanism is inconvenient for asynchronous code.
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
 *   <li>There is no "current exception" ({@code sys.exc_info()}): build a {@code Failure} from the
 *       exception you caught. So there is no {@code NoCurrentExceptionError}, and
 *       {@code new Failure(null)} is a {@link NullPointerException}.</li>
 *   <li>{@link #check} and {@link #trap} take classes and match subclasses with
 *       {@link Class#isInstance}, which is what Twisted's walk of the MRO does; Twisted's
 *       qualified-name strings are not accepted (there is no pickled, class-less Failure in
 *       Java). {@link #parents()} still lists the qualified names.</li>
 *   <li>{@link #trap} and {@link #raiseException} re-throw the original exception even when it is
 *       checked, without declaring it (as Python does). Its stack trace is the one it was thrown
 *       with, which is what Python's {@code with_traceback(tb)} preserves.</li>
 *   <li>The frames are the exception's Java stack trace ({@link StackTraceElement}s, most recent
 *       call first), which is plain data: there are no locals and globals to capture
 *       ({@code captureVars} does not exist) and {@link #cleanFailure} has nothing to free.</li>
 *   <li>The {@code "default"} traceback is what the JVM's standard error reporting prints
 *       ({@link Throwable#printStackTrace()}, causes and suppressed exceptions included), as
 *       Twisted's default traceback is what Python's prints. {@code "brief"} and
 *       {@code "verbose"} keep Twisted's layout around Java frames.</li>
 *   <li>{@link #toString()} is Twisted's {@code repr}; Twisted's {@code str} form
 *       ({@code [Failure instance: ...]}) has no separate method.</li>
 * </ul>
 *
 * <p>Contract: a {@code Failure} is immutable apart from {@link #cleanFailure}, and may be shared
 * between threads. {@link #count()} numbers failures in creation order, JVM-wide.
 */
public final class Failure {
    private static final AtomicLong COUNTER = new AtomicLong();

    /** The detail levels {@link #formatFrames} accepts, as Twisted's {@code format_frames}. */
    private static final Set<String> DETAILS =
            Set.of("default", "brief", "verbose", "verbose-vars-not-captured");

    private static final String VARS_NOT_CAPTURED =
            " [Capture of Locals and Globals disabled (not available on the JVM)]\n";

    private final Throwable value;
    private final long count;
    /** The frames, once {@link #cleanFailure} has taken a snapshot of them; else null. */
    private volatile List<StackTraceElement> cleanedFrames;

    /**
     * Wraps {@code value}, as Twisted's {@code Failure(exc_value)}.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Failure(Throwable value) {
        this.value = Objects.requireNonNull(value, "value == null");
        this.count = COUNTER.incrementAndGet();
    }

    /**
     * Returns a failure like {@code other}: same exception, same {@link #count()} and same frames,
     * as Twisted's {@code Failure(aFailure)} copies the other failure's state.
     */
    public Failure(Failure other) {
        Objects.requireNonNull(other, "other == null");
        COUNTER.incrementAndGet();
        this.value = other.value;
        this.count = other.count;
        this.cleanedFrames = other.cleanedFrames;
    }

    /** The exception responsible for this failure (Twisted's {@code value}). */
    public Throwable value() {
        return value;
    }

    /** The class of {@link #value()} (Twisted's {@code type}). */
    public Class<? extends Throwable> type() {
        return value.getClass();
    }

    /** A number unique to this failure's exception in this JVM, as Twisted's {@code Failure.count}. */
    public long count() {
        return count;
    }

    /**
     * The frames of the exception's stack trace, most recent call first (Twisted's
     * {@code frames}; Python lists the oldest first).
     */
    public List<StackTraceElement> frames() {
        List<StackTraceElement> cleaned = cleanedFrames;
        return cleaned != null ? cleaned : List.of(value.getStackTrace());
    }

    /**
     * The qualified names of {@link #type()}, its superclasses (up to {@code java.lang.Object}) and
     * then the interfaces they implement: Twisted's {@code parents}, the names along the MRO.
     */
    public List<String> parents() {
        Set<String> names = new LinkedHashSet<>();
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> c = type(); c != null; c = c.getSuperclass()) {
            names.add(c.getName());
            Collections.addAll(interfaces, c.getInterfaces());
        }
        for (int i = 0; i < interfaces.size(); i++) {
            Class<?> c = interfaces.get(i);
            if (names.add(c.getName())) {
                Collections.addAll(interfaces, c.getInterfaces());
            }
        }
        return List.copyOf(names);
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
     * Traps this failure if its type is one of {@code errorTypes}: returns the one that matches,
     * and otherwise re-throws the original exception, so that the errback calling {@code trap}
     * passes the failure on to the next errback.
     *
     * <pre>{@code
     * d.addErrback(failure -> {
     *     Class<?> r = failure.trap(Spam.class, Eggs.class);
     *     System.out.println("The Failure is due to either Spam or Eggs!");
     *     return r == Spam.class ? "Spam did it!" : "Eggs did it!";
     * });
     * }</pre>
     *
     * <p>The original exception is re-thrown even when it is checked, and this method does not
     * declare it; the Deferred running the errback wraps that same exception in a new
     * {@code Failure}.
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
     * Throws the original exception, checked or not, without declaring it; its stack trace is the
     * one it was thrown with.
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

    /**
     * Returns the exception's message, or the empty string if it has none (Python's
     * {@code safe_str(value)}): a {@code getMessage()} that throws gives a description of that
     * error instead of throwing.
     */
    public String getErrorMessage() {
        return safeMessage(value);
    }

    /**
     * Returns an object that represents this failure's stack, as Twisted's
     * {@code getTracebackObject}: the exception's frames, most recent call first, or {@code null}
     * if it has none (an exception created with {@code writableStackTrace == false}, or whose
     * stack trace was set to be empty).
     */
    public List<StackTraceElement> getTracebackObject() {
        List<StackTraceElement> frames = frames();
        return frames.isEmpty() ? null : frames;
    }

    /** Returns {@link #getTraceback(String) getTraceback("default")}. */
    public String getTraceback() {
        return getTraceback("default");
    }

    /**
     * Returns the traceback {@link #printTraceback(Appendable, String)} prints.
     *
     * @param detail {@code "default"}, {@code "brief"} or {@code "verbose"}
     */
    public String getTraceback(String detail) {
        StringBuilder out = new StringBuilder();
        printTraceback(out, detail);
        return out.toString();
    }

    /** Returns {@link #getTraceback(String) getTraceback("brief")}. */
    public String getBriefTraceback() {
        return getTraceback("brief");
    }

    /** Prints the default traceback to {@link System#err} (Twisted prints to {@code log.logerr}). */
    public void printTraceback() {
        printTraceback(System.err, "default");
    }

    /** Prints the default traceback to {@code file}. */
    public void printTraceback(Appendable file) {
        printTraceback(file, "default");
    }

    /**
     * Emulates the platform's standard error reporting: prints this failure's traceback to
     * {@code file}, and flushes it if it is {@link Flushable}.
     *
     * <ul>
     *   <li>{@code "default"}: what {@link Throwable#printStackTrace()} prints, causes and suppressed
     *       exceptions included: {@code java.lang.ArithmeticException: / by zero}, then one
     *       {@code \tat frame} line per frame.</li>
     *   <li>{@code "brief"}:
     *       {@code Traceback: <class 'java.lang.ArithmeticException'>: / by zero},
     *       then one {@code File.java:12:pkg.Class.method} line per frame, then the same for each
     *       cause after {@code Caused by: }. Without frames the first word is
     *       {@code Traceback (failure with no frames)}.</li>
     *   <li>{@code "verbose"}: {@code *--- Failure #count ---}, one
     *       {@code File.java:12: pkg.Class.method(...)} line per frame, a note that locals and
     *       globals are not captured, {@code java.lang.ArithmeticException: / by zero}, each cause
     *       the same way after {@code Caused by:}, and {@code *--- End of Failure #count ---}.</li>
     * </ul>
     *
     * <p>Never throws because of the exception: a {@code getMessage()} or {@code toString()} that
     * throws is described instead.
     *
     * @throws IllegalArgumentException if {@code detail} is not one of the three
     * @throws UncheckedIOException if {@code file} throws {@link IOException}
     */
    public void printTraceback(Appendable file, String detail) {
        Objects.requireNonNull(file, "file == null");
        if (!"default".equals(detail) && !"brief".equals(detail) && !"verbose".equals(detail)) {
            throw new IllegalArgumentException(
                    "Detail must be default, brief or verbose. (not " + repr(detail) + ")");
        }
        Consumer<String> w = text -> {
            try {
                file.append(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        switch (detail) {
            case "default" -> w.accept(javaStackTrace());
            case "brief" -> {
                List<StackTraceElement> frames = frames();
                w.accept((frames.isEmpty() ? "Traceback (failure with no frames)" : "Traceback")
                        + ": " + classRepr(type()) + ": " + getErrorMessage() + "\n");
                formatFrames(frames, w, "brief");
                for (Throwable cause : causes(value)) {
                    w.accept("Caused by: " + classRepr(cause.getClass()) + ": " + safeMessage(cause)
                            + "\n");
                    formatFrames(List.of(cause.getStackTrace()), w, "brief");
                }
            }
            case "verbose" -> {
                w.accept("*--- Failure #" + count + " ---\n");
                formatFrames(frames(), w, "verbose-vars-not-captured");
                w.accept(type().getName() + ": " + getErrorMessage() + "\n");
                for (Throwable cause : causes(value)) {
                    w.accept("Caused by:\n");
                    formatFrames(List.of(cause.getStackTrace()), w, "verbose-vars-not-captured");
                    w.accept(cause.getClass().getName() + ": " + safeMessage(cause) + "\n");
                }
                w.accept("*--- End of Failure #" + count + " ---\n");
            }
            default -> throw new AssertionError(detail);
        }
        if (file instanceof Flushable flushable) {
            try {
                flushable.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Prints the brief traceback to {@link System#err}. */
    public void printBriefTraceback() {
        printTraceback(System.err, "brief");
    }

    /** Prints a traceback as densely as possible ({@code "brief"}) to {@code file}. */
    public void printBriefTraceback(Appendable file) {
        printTraceback(file, "brief");
    }

    /** Prints the verbose traceback to {@link System#err}. */
    public void printDetailedTraceback() {
        printTraceback(System.err, "verbose");
    }

    /**
     * Prints a detailed ({@code "verbose"}) traceback to {@code file}. Twisted adds the locals and
     * globals of each frame here; the JVM does not record them, and the output says so.
     */
    public void printDetailedTraceback(Appendable file) {
        printTraceback(file, "verbose");
    }

    /**
     * Formats and writes {@code frames} with {@code write}. Port of
     * {@code twisted.python.failure.format_frames}, over Java frames:
     * <ul>
     *   <li>{@code "brief"}: {@code File.java:12:pkg.Class.method} per frame;</li>
     *   <li>{@code "default"}: {@code \tat pkg.Class.method(File.java:12)} per frame, as
     *       {@link Throwable#printStackTrace()} prints them;</li>
     *   <li>{@code "verbose-vars-not-captured"}: {@code File.java:12: pkg.Class.method(...)} per
     *       frame and a line saying that locals and globals were not captured;</li>
     *   <li>{@code "verbose"}: the same without that line (the JVM has no locals to show).</li>
     * </ul>
     *
     * @throws IllegalArgumentException if {@code detail} is none of these four
     */
    public static void formatFrames(
            List<StackTraceElement> frames, Consumer<String> write, String detail) {
        if (!DETAILS.contains(detail)) {
            throw new IllegalArgumentException(
                    "Detail must be default, brief, verbose, or verbose-vars-not-captured. (not "
                            + repr(detail) + ")");
        }
        switch (detail) {
            case "brief" -> {
                for (StackTraceElement f : frames) {
                    write.accept(fileName(f) + ":" + f.getLineNumber() + ":" + method(f) + "\n");
                }
            }
            case "default" -> {
                for (StackTraceElement f : frames) {
                    write.accept("\tat " + f + "\n");
                }
            }
            default -> {
                for (StackTraceElement f : frames) {
                    write.accept(fileName(f) + ":" + f.getLineNumber() + ": " + method(f) + "(...)\n");
                }
                if (detail.equals("verbose-vars-not-captured")) {
                    write.accept(VARS_NOT_CAPTURED);
                }
            }
        }
    }

    /**
     * Kept for Twisted's API, where it replaces references to other objects with strings to free
     * memory. A Java stack trace is already plain data; this takes a snapshot of the frames, so
     * that later changes to the exception's stack trace do not change this failure's tracebacks.
     */
    public void cleanFailure() {
        if (cleanedFrames == null) {
            cleanedFrames = List.of(value.getStackTrace());
        }
    }

    /**
     * Returns {@code <dev.twj.python.failure.Failure java.lang.ArithmeticException: / by zero>},
     * as Twisted's {@code repr}.
     */
    @Override
    public String toString() {
        return "<" + Failure.class.getName() + " " + type().getName() + ": " + getErrorMessage() + ">";
    }

    private String javaStackTrace() {
        if (cleanedFrames == null) {
            try {
                StringWriter out = new StringWriter();
                value.printStackTrace(new PrintWriter(out));
                return out.toString();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // A toString() or getMessage() that throws: print the trace by hand below.
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(type().getName()).append(": ").append(getErrorMessage()).append('\n');
        formatFrames(frames(), out::append, "default");
        for (Throwable cause : causes(value)) {
            out.append("Caused by: ").append(cause.getClass().getName()).append(": ")
                    .append(safeMessage(cause)).append('\n');
            formatFrames(List.of(cause.getStackTrace()), out::append, "default");
        }
        return out.toString();
    }

    private static List<Throwable> causes(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(t);
        List<Throwable> causes = new ArrayList<>();
        for (Throwable c = t.getCause(); c != null && seen.add(c); c = c.getCause()) {
            causes.add(c);
        }
        return causes;
    }

    private static String fileName(StackTraceElement f) {
        return f.getFileName() == null ? "Unknown Source" : f.getFileName();
    }

    private static String method(StackTraceElement f) {
        return f.getClassName() + "." + f.getMethodName();
    }

    /** Python's {@code safe_str(exception)}: the message, never throwing. */
    static String safeMessage(Throwable t) {
        try {
            String message = t.getMessage();
            return message == null ? "" : message;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            StringWriter trace = new StringWriter();
            try {
                e.printStackTrace(new PrintWriter(trace));
            } catch (RuntimeException | LinkageError | AssertionError again) {
                trace.write(e.getClass().getName());
            }
            return "<" + t.getClass().getName() + " instance at 0x"
                    + Integer.toHexString(System.identityHashCode(t)) + " with getMessage error:\n "
                    + trace + ">";
        }
    }

    /** Python's {@code repr} of a class, {@code <class 'java.lang.ArithmeticException'>}. */
    private static String classRepr(Class<?> type) {
        return "<class '" + type.getName() + "'>";
    }

    private static String repr(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
