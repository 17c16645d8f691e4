package dev.twj.trial.unittest;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.python.failure.Failure;
import dev.twj.python.monkey.MonkeyPatcher;
import dev.twj.trial.itrial.IReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A unit test. The atom of the unit testing universe. Port of
 * {@code twisted.trial.unittest.SynchronousTestCase}.
 *
 * <p>To write a unit test, subclass {@code SynchronousTestCase} and define public no-argument
 * methods whose names start with {@code test}; no annotation is needed. The trial engine (a JUnit
 * Platform engine, so Maven Surefire and IDEs run it) finds every such class and runs each test
 * method on a fresh instance:
 *
 * <pre>
 *   setUp()            (if it fails or skips: only the cleanups run)
 *   test_xxx()
 *   cleanups           (addCleanup, last added first; before tearDown, unlike JUnit and unittest)
 *   tearDown()
 *   logged errors      (each error logged through dev.twj.logger and not flushed is an error)
 * </pre>
 *
 * <pre>{@code
 * final class SpamTests extends SynchronousTestCase {
 *     private Spam spam;
 *
 *     public void setUp() { spam = new Spam(); }
 *
 *     public void test_eggs() { assertEqual(spam.eggs(), 3); }
 * }
 * }</pre>
 *
 * <p>{@code setUp} and {@code tearDown} are found by name, like the test methods: declare
 * {@code void setUp()} and {@code void tearDown()} (any access) to have them run. This class does
 * not declare them, so that {@link TestCase} subclasses may declare them returning a
 * {@link Deferred}. As in trial, what a {@code SynchronousTestCase} method returns is ignored.
 *
 * <p>Skipping and expected failures: {@link Skip @Skip("why")} and {@link Todo @Todo("why")} on a
 * method or class are trial's {@code skip} and {@code todo} attributes; override {@link #getSkip}
 * or {@link #getTodo} for a decision made at run time, or throw {@link SkipTest}.
 *
 * <p>Where Java differs from trial:
 * <ul>
 *   <li>Python's truthiness has no Java form: {@link #assertTrue} and {@link #assertFalse} take a
 *       boolean; {@link #assertIn} takes a {@link Collection} (or {@link Map} keys, an array, an
 *       {@link Iterable} or a {@link CharSequence}).</li>
 *   <li>Values are shown in messages with {@code toString}, strings in double quotes (Python shows
 *       {@code repr}); {@link #assertEqual} compares arrays by content.</li>
 *   <li>{@link #assertRaises} takes a lambda; there is no context-manager form.</li>
 *   <li>{@link #mktemp} returns an absolute path under the run's temp directory: system property
 *       {@code twj.trial.tempDirectory}, by default {@code _trial_temp} in the working directory
 *       (trial changes into that directory and returns a relative path).</li>
 *   <li>{@link #patch} sets a field by reflection (see {@link MonkeyPatcher}).</li>
 *   <li>Errors logged during a {@code setUp} that failed are reported with that test (trial leaves
 *       them for the next test).</li>
 *   <li>Not ported: {@code flushWarnings}, {@code assertWarns}, {@code callDeprecated},
 *       {@code getDeprecatedModuleAttribute}, {@code suppress}: Java has no run-time warnings
 *       module (where Twisted warns at run time, twj logs a {@code warn} event, which
 *       {@link dev.twj.logger.CapturedLogs} can check).</li>
 * </ul>
 *
 * <p>Contract: a test case instance runs one test method once, on the thread that calls
 * {@link #run}; trial runs tests one at a time.
 */
public class SynchronousTestCase {
    /** A piece of code that may throw anything: the test, a cleanup, a lambda to assertRaises. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        /** Runs the code. */
        void run() throws Throwable;
    }

    /** A piece of code that returns a value and may throw anything. */
    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        /** Runs the code and returns its value. */
        T get() throws Throwable;
    }

    private static final int MAX_FILENAME = 32;

    private String methodName = "runTest";
    private final Deque<ThrowingSupplier<?>> cleanups = new ArrayDeque<>();
    private LogObserver observer = LogObserver.INSTANCE;

    /**
     * Creates a test case for the no-op {@link #runTest} method. The engine uses
     * {@link #forMethod} to create one for each test method.
     */
    public SynchronousTestCase() {}

    /**
     * Creates an instance of {@code testClass} (through its no-argument constructor, of any access)
     * that runs {@code methodName}: Twisted's {@code TestClass("test_foo")}.
     *
     * @throws IllegalArgumentException if {@code testClass} cannot be instantiated, or has no
     *     no-argument method of that name
     */
    public static <T extends SynchronousTestCase> T forMethod(Class<T> testClass, String methodName) {
        T instance;
        try {
            var constructor = testClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "constructor of " + testClass.getName() + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot instantiate " + testClass.getName()
                            + " (a test class needs a no-argument constructor): " + e, e);
        }
        if (findMethod(testClass, methodName) == null) {
            throw new IllegalArgumentException(
                    "no method " + methodName + "() in " + testClass.getName());
        }
        ((SynchronousTestCase) instance).methodName = methodName;
        return instance;
    }

    /** Returns the name of the test method this instance runs (trial's {@code _testMethodName}). */
    public final String methodName() {
        return methodName;
    }

    /** Returns the test's id: the class's binary name, a dot, the method name. */
    public String id() {
        return getClass().getName() + "." + methodName;
    }

    /** Returns a one-line description of the test: its method name. */
    public String shortDescription() {
        return methodName;
    }

    /** Returns {@code "test_foo (pkg.Class.test_foo)"}, as Python's {@code str} of a test. */
    @Override
    public String toString() {
        return methodName + " (" + id() + ")";
    }

    /**
     * The exception class that assertions throw and that the runner reports as a failure rather
     * than an error: {@link FailTest} (trial's {@code failureException}).
     */
    public Class<? extends AssertionError> failureException() {
        return FailTest.class;
    }

    /** If no method name is given, the test case runs this method, which does nothing. */
    public void runTest() {}

    // ---------------------------------------------------------------------------------------------
    // Assertions (trial's _Assertions).

    /** Absolutely fails the test. Do not pass go, do not collect $200. */
    public final FailTest fail() {
        throw new FailTest(null);
    }

    /**
     * Absolutely fails the test, with {@code msg} as the reason.
     *
     * <p>Declared to return the exception so that {@code throw fail("...")} compiles where the
     * compiler needs to see a throw; it never returns.
     */
    public final FailTest fail(Object msg) {
        throw new FailTest(msg);
    }

    /** Fails the test if {@code condition} is true; returns it. */
    public final boolean assertFalse(boolean condition) {
        return assertFalse(condition, null);
    }

    /** Fails the test if {@code condition} is true; returns it. */
    public final boolean assertFalse(boolean condition, Object msg) {
        if (condition) {
            throw new FailTest(formatMessage(msg, "true is not false"));
        }
        return condition;
    }

    /** Fails the test if {@code condition} is false; returns it. */
    public final boolean assertTrue(boolean condition) {
        return assertTrue(condition, null);
    }

    /** Fails the test if {@code condition} is false; returns it. */
    public final boolean assertTrue(boolean condition, Object msg) {
        if (!condition) {
            throw new FailTest(formatMessage(msg, "false is not true"));
        }
        return condition;
    }

    /**
     * Fails the test unless running {@code f} throws {@code exception} (or a subclass), and returns
     * what it threw. The failure reports the unexpected exception's traceback.
     */
    public final <E extends Throwable> E assertRaises(Class<E> exception, ThrowingRunnable f) {
        return assertRaises(exception, (ThrowingSupplier<?>) () -> {
            f.run();
            return null;
        });
    }

    /**
     * Fails the test unless running {@code f} throws {@code exception} (or a subclass), and returns
     * what it threw; if {@code f} returns, the failure shows what it returned.
     */
    public final <E extends Throwable> E assertRaises(Class<E> exception, ThrowingSupplier<?> f) {
        Object returned;
        try {
            returned = f.get();
        } catch (Throwable t) {
            if (exception.isInstance(t)) {
                return exception.cast(t);
            }
            throw new FailTest(t.getClass().getName() + " raised instead of "
                    + exception.getSimpleName() + ":\n " + new Failure(t).getTraceback(), t);
        }
        throw new FailTest(exception.getSimpleName() + " not raised (" + repr(returned)
                + " returned)");
    }

    /** Fails the test if {@code first} and {@code second} are not equal; returns {@code first}. */
    public final <T> T assertEqual(T first, Object second) {
        return assertEqual(first, second, null);
    }

    /**
     * Fails the test if {@code first} and {@code second} are not equal ({@link Objects#deepEquals});
     * returns {@code first}. {@code msg}, if not null, is appended to the message.
     */
    public final <T> T assertEqual(T first, Object second, Object msg) {
        if (!Objects.deepEquals(first, second)) {
            throw new FailTest(formatMessage(msg, repr(first) + " != " + repr(second)));
        }
        return first;
    }

    /** Fails the test if {@code first} equals {@code second}; returns {@code first}. */
    public final <T> T assertNotEqual(T first, Object second) {
        return assertNotEqual(first, second, null);
    }

    /**
     * Fails the test if {@code first} equals {@code second}; returns {@code first}. The message is
     * {@code msg}, or {@code "first == second"}.
     */
    public final <T> T assertNotEqual(T first, Object second, Object msg) {
        if (Objects.deepEquals(first, second)) {
            throw new FailTest(msg != null ? msg : repr(first) + " == " + repr(second));
        }
        return first;
    }

    /** Fails the test if {@code first} is not the same object as {@code second}; returns it. */
    public final <T> T assertIs(T first, Object second) {
        return assertIs(first, second, null);
    }

    /**
     * Fails the test if {@code first} is not {@code second}: an identity test, not equality. The
     * message is {@code msg}, or {@code "first is not second"}.
     */
    public final <T> T assertIs(T first, Object second, Object msg) {
        if (first != second) {
            throw new FailTest(msg != null ? msg : repr(first) + " is not " + repr(second));
        }
        return first;
    }

    /** Trial's old name for {@link #assertIs}. */
    public final <T> T assertIdentical(T first, Object second) {
        return assertIs(first, second, null);
    }

    /** Fails the test if {@code first} is the same object as {@code second}; returns it. */
    public final <T> T assertIsNot(T first, Object second) {
        return assertIsNot(first, second, null);
    }

    /**
     * Fails the test if {@code first} is {@code second}: an identity test, not equality. The
     * message is {@code msg}, or {@code "first is second"}.
     */
    public final <T> T assertIsNot(T first, Object second, Object msg) {
        if (first == second) {
            throw new FailTest(msg != null ? msg : repr(first) + " is " + repr(second));
        }
        return first;
    }

    /** Trial's old name for {@link #assertIsNot}. */
    public final <T> T assertNotIdentical(T first, Object second) {
        return assertIsNot(first, second, null);
    }

    /** Fails the test if {@code containee} is not in {@code container}; returns it. */
    public final <T> T assertIn(T containee, Object container) {
        return assertIn(containee, container, null);
    }

    /**
     * Fails the test if {@code containee} is not found in {@code container}: a {@link Collection},
     * the keys of a {@link Map}, an array, an {@link Iterable}, or a {@link CharSequence} (then a
     * substring). The message is {@code msg}, or {@code "containee not in container"}.
     */
    public final <T> T assertIn(T containee, Object container, Object msg) {
        if (!contains(container, containee)) {
            throw new FailTest(msg != null ? msg : repr(containee) + " not in " + repr(container));
        }
        return containee;
    }

    /** Fails the test if {@code containee} is in {@code container}; returns it. */
    public final <T> T assertNotIn(T containee, Object container) {
        return assertNotIn(containee, container, null);
    }

    /**
     * Fails the test if {@code containee} is found in {@code container} (see {@link #assertIn}).
     * The message is {@code msg}, or {@code "containee in container"}.
     */
    public final <T> T assertNotIn(T containee, Object container, Object msg) {
        if (contains(container, containee)) {
            throw new FailTest(msg != null ? msg : repr(containee) + " in " + repr(container));
        }
        return containee;
    }

    /** Fails if {@code substring} is not in {@code astring}; returns {@code substring}. */
    public final String assertSubstring(String substring, String astring) {
        return assertIn(substring, astring, null);
    }

    /** Fails if {@code substring} is in {@code astring}; returns {@code substring}. */
    public final String assertNotSubstring(String substring, String astring) {
        return assertNotIn(substring, astring, null);
    }

    /** {@link #assertAlmostEqual(double, double, int, Object)} with 7 places and no message. */
    public final double assertAlmostEqual(double first, double second) {
        return assertAlmostEqual(first, second, 7, null);
    }

    /** {@link #assertAlmostEqual(double, double, int, Object)} with no message. */
    public final double assertAlmostEqual(double first, double second, int places) {
        return assertAlmostEqual(first, second, places, null);
    }

    /**
     * Fails if the two numbers are unequal as determined by their difference rounded to the given
     * number of decimal places and compared to zero (Python's {@code round}: the exact binary
     * value, half to even). Decimal places are not significant digits. Returns {@code first}.
     */
    public final double assertAlmostEqual(double first, double second, int places, Object msg) {
        if (!roundsToZero(second - first, places)) {
            throw new FailTest(msg != null ? msg
                    : first + " != " + second + " within " + places + " places");
        }
        return first;
    }

    /** {@link #assertNotAlmostEqual(double, double, int, Object)} with 7 places and no message. */
    public final double assertNotAlmostEqual(double first, double second) {
        return assertNotAlmostEqual(first, second, 7, null);
    }

    /** {@link #assertNotAlmostEqual(double, double, int, Object)} with no message. */
    public final double assertNotAlmostEqual(double first, double second, int places) {
        return assertNotAlmostEqual(first, second, places, null);
    }

    /**
     * Fails if the two numbers are equal as determined by their difference rounded to the given
     * number of decimal places and compared to zero. Returns {@code first}.
     */
    public final double assertNotAlmostEqual(double first, double second, int places, Object msg) {
        if (roundsToZero(second - first, places)) {
            throw new FailTest(msg != null ? msg
                    : first + " == " + second + " within " + places + " places");
        }
        return first;
    }

    /** Fails if {@code |first - second| > tolerance}; returns {@code first}. */
    public final double assertApproximates(double first, double second, double tolerance) {
        return assertApproximates(first, second, tolerance, null);
    }

    /**
     * Fails if {@code |first - second| > tolerance}; returns {@code first}. The message is
     * {@code msg}, or {@code "first ~== second"}.
     */
    public final double assertApproximates(
            double first, double second, double tolerance, Object msg) {
        if (Math.abs(first - second) > tolerance) {
            throw new FailTest(msg != null ? msg : first + " ~== " + second);
        }
        return first;
    }

    /** Fails if {@code instance} is not an instance of {@code type}; returns it, cast. */
    public final <T> T assertIsInstance(Object instance, Class<T> type) {
        return assertIsInstance(instance, type, null);
    }

    /**
     * Fails if {@code instance} is not an instance of {@code type}; returns it, cast. The message
     * ends with {@code ": " + message} if {@code message} is given.
     */
    public final <T> T assertIsInstance(Object instance, Class<T> type, String message) {
        if (!type.isInstance(instance)) {
            throw new FailTest(repr(instance) + " is not an instance of " + type
                    + (message == null ? "" : ": " + message));
        }
        return type.cast(instance);
    }

    /** Fails if {@code instance} is not an instance of any of {@code types}. */
    public final void assertIsInstance(Object instance, Class<?>... types) {
        for (Class<?> type : types) {
            if (type.isInstance(instance)) {
                return;
            }
        }
        throw new FailTest(repr(instance) + " is not an instance of " + classes(types));
    }

    /** Fails if {@code instance} is an instance of any of {@code types}. */
    public final void assertNotIsInstance(Object instance, Class<?>... types) {
        for (Class<?> type : types) {
            if (type.isInstance(instance)) {
                throw new FailTest(repr(instance) + " is an instance of "
                        + (types.length == 1 ? types[0].toString() : classes(types)));
            }
        }
    }

    /**
     * Returns the current success result of {@code deferred}, or fails the test if it has no
     * result or a failure result. As in trial, the result is consumed: the Deferred's result is
     * null afterwards.
     */
    public final <T> T successResultOf(Deferred<T> deferred) {
        List<Object> results = new ArrayList<>(1);
        deferred.addBoth(r -> {
            results.add(r);
            return null;
        });
        if (results.isEmpty()) {
            throw new FailTest(
                    "Success result expected on " + deferred + ", found no result instead");
        }
        Object result = results.get(0);
        if (result instanceof Failure f) {
            throw new FailTest("Success result expected on " + deferred
                    + ", found failure result instead:\n" + f.getTraceback());
        }
        @SuppressWarnings("unchecked") // A success result of a Deferred<T> is a T.
        T value = (T) result;
        return value;
    }

    /**
     * Returns the current failure result of {@code deferred}, or fails the test if it has no
     * result, a success result, or (when {@code expectedExceptionTypes} are given) a failure of
     * another type. The result is consumed, as by {@link #successResultOf}.
     */
    public final Failure failureResultOf(Deferred<?> deferred, Class<?>... expectedExceptionTypes) {
        List<Object> results = new ArrayList<>(1);
        deferred.addBoth(r -> {
            results.add(r);
            return null;
        });
        if (results.isEmpty()) {
            throw new FailTest(
                    "Failure result expected on " + deferred + ", found no result instead");
        }
        Object result = results.get(0);
        if (!(result instanceof Failure f)) {
            throw new FailTest("Failure result expected on " + deferred
                    + ", found success result (" + repr(result) + ") instead");
        }
        if (expectedExceptionTypes.length > 0 && f.check(expectedExceptionTypes) == null) {
            String expectedString = Arrays.stream(expectedExceptionTypes)
                    .map(Class::getName).collect(Collectors.joining(" or "));
            throw new FailTest("Failure of type (" + expectedString + ") expected on " + deferred
                    + ", found type " + f.type() + " instead: " + f.getTraceback());
        }
        return f;
    }

    /**
     * Asserts that {@code deferred} has no result at this point. If it has none, it is left
     * unchanged; otherwise a failure result is swallowed (the Deferred's result becomes null) and
     * the test fails.
     */
    public final void assertNoResult(Deferred<?> deferred) {
        List<Object> results = new ArrayList<>(1);
        deferred.addBoth(r -> {
            results.add(r);
            return r;
        });
        if (!results.isEmpty()) {
            // If there is already a failure, the failure below reports it: swallow it.
            deferred.addErrback(ignored -> null);
            throw new FailTest(
                    "No result expected on " + deferred + ", found " + repr(results.get(0))
                            + " instead");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers.

    /**
     * Adds {@code f} to the functions called after the test has run, but before {@code tearDown};
     * they run in reverse order of being added, so that tear-down complements set-up.
     */
    public void addCleanup(ThrowingRunnable f) {
        Objects.requireNonNull(f, "f == null");
        cleanups.push(() -> {
            f.run();
            return null;
        });
    }

    /**
     * Adds {@code f} as a cleanup (see {@link #addCleanup(ThrowingRunnable)}). What it returns is
     * ignored by {@code SynchronousTestCase}; {@link TestCase} waits for a returned Deferred.
     */
    public void addCleanup(ThrowingSupplier<?> f) {
        cleanups.push(Objects.requireNonNull(f, "f == null"));
    }

    /**
     * Monkey patches a field for the length of the test: sets the field {@code fieldName} of
     * {@code target} (a Class for a static field, else an object) to {@code value}, and restores it
     * with {@link #addCleanup}. Returns the patcher, which can restore and re-apply the patch.
     *
     * @throws IllegalArgumentException if there is no such field or it cannot be set
     */
    public MonkeyPatcher patch(Object target, String fieldName, Object value) {
        MonkeyPatcher monkeyPatch = new MonkeyPatcher(target, fieldName, value);
        monkeyPatch.patch();
        addCleanup(monkeyPatch::restore);
        return monkeyPatch;
    }

    /**
     * Removes stored errors received from the log. The test case stores each error logged during
     * the test and reports them as errors after {@code tearDown}.
     *
     * @param errorTypes if none, flush all errors; else only the errors of these types
     * @return the failures removed
     */
    public List<Failure> flushLoggedErrors(Class<?>... errorTypes) {
        return observer.flushErrors(errorTypes);
    }

    /**
     * Creates a new path name which can be used for a new file or directory: unique, under the
     * run's temp directory ({@code <temp>/<package>/<Class>/<method>/<random>/temp}). Its parent
     * exists; the path does not.
     */
    public String mktemp() {
        Path root = Path.of(System.getProperty("twj.trial.tempDirectory", "_trial_temp"));
        String className = getClass().getName().substring(getClass().getPackageName().isEmpty()
                ? 0 : getClass().getPackageName().length() + 1);
        Path base = root.toAbsolutePath()
                .resolve(truncate(getClass().getPackageName().isEmpty()
                        ? "_" : getClass().getPackageName()))
                .resolve(truncate(className))
                .resolve(truncate(methodName));
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "").resolve("temp").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns why this test is to be skipped, or null to run it: the {@link Skip} annotation of
     * the test method, else of its class (or a superclass). Override it to decide at run time.
     */
    public String getSkip() {
        Method method = findMethod(getClass(), methodName);
        Skip skip = method == null ? null : method.getAnnotation(Skip.class);
        if (skip == null) {
            skip = getClass().getAnnotation(Skip.class);
        }
        return skip == null ? null : skip.value();
    }

    /**
     * Returns the {@link Todo} of this test, or null if it is not expected to fail: the annotation
     * of the test method, else of its class (or a superclass). Override it to decide at run time.
     */
    public Todo getTodo() {
        Method method = findMethod(getClass(), methodName);
        Todo todo = method == null ? null : method.getAnnotation(Todo.class);
        if (todo == null) {
            todo = getClass().getAnnotation(Todo.class);
        }
        return todo;
    }

    /**
     * Returns whether {@code failure} is expected by {@code todo}: any failure if its
     * {@link Todo#errors()} is empty, else one of those types (trial's {@code Todo.expected}).
     */
    public static boolean isExpected(Todo todo, Failure failure) {
        return todo.errors().length == 0 || failure.check(todo.errors()) != null;
    }

    // ---------------------------------------------------------------------------------------------
    // Running.

    /**
     * Runs the test, storing the results in {@code result}: first {@code setUp}, then the test
     * method, then the cleanups, then {@code tearDown}; then each error logged and not flushed is
     * reported. As in trial, what these methods return is disregarded (see {@link TestCase}).
     */
    public void run(IReporter result) {
        result.startTest(this);
        String skipReason = getSkip();
        if (skipReason != null) {
            result.addSkip(this, skipReason);
            result.stopTest(this);
            return;
        }
        if (forceGc()) {
            // As trial's _ForceGarbageCollectionDecorator: collect before the test too, so that
            // what earlier code dropped is not blamed on this test.
            Defer.collectUnhandledErrors();
        }
        observer = LogObserver.INSTANCE;
        observer.add();
        try {
            runFixturesAndTest(result);
        } finally {
            observer.flushErrors();
            observer.remove();
        }
        result.stopTest(this);
    }

    private void runFixturesAndTest(IReporter result) {
        Todo todo = null;
        boolean failed;
        boolean setUpFailed = false;
        try {
            if (runMethod(null, "setUp", result)) {
                setUpFailed = true;
                reportLoggedErrors(result);
                return;
            }
            todo = getTodo();
            failed = runMethod(todo, methodName, result);
        } finally {
            runCleanups(result);
            if (setUpFailed) {
                caseCleanup(result);
                classCleanup(result);
            }
        }
        if (todo != null && !failed) {
            result.addUnexpectedSuccess(this, todo);
        }
        if (runMethod(null, "tearDown", result)) {
            failed = true;
        }
        if (!caseCleanup(result)) {
            failed = true;
        }
        if (forceGc()) {
            Defer.collectUnhandledErrors();
        }
        if (reportLoggedErrors(result)) {
            failed = true;
        }
        if (!(failed || todo != null)) {
            result.addSuccess(this);
        }
        classCleanup(result);
    }

    /**
     * Returns whether to force a garbage collection after each test, so that an "Unhandled error
     * in Deferred" of a Deferred the test dropped is logged, and so fails the test: trial's
     * {@code --force-gc}, here the system property {@code twj.trial.forceGc=true}.
     */
    static boolean forceGc() {
        return Boolean.getBoolean("twj.trial.forceGc");
    }

    /**
     * Cleans up after the test, before logged errors are reported: nothing here;
     * {@link TestCase} runs trial's janitor ({@code postCaseCleanup}).
     *
     * @return false if the test left something behind (and so failed)
     */
    boolean caseCleanup(IReporter result) {
        return true;
    }

    /**
     * Cleans up after the test has reported its success, if any: nothing here; {@link TestCase}
     * runs trial's janitor ({@code postClassCleanup}).
     */
    void classCleanup(IReporter result) {}

    private boolean reportLoggedErrors(IReporter result) {
        List<Failure> errors = observer.flushErrors();
        for (Failure error : errors) {
            result.addError(this, error);
        }
        return !errors.isEmpty();
    }

    /**
     * Runs one method, the test or a fixture, and reports how it ended.
     *
     * @return true if it failed (or skipped) and no further method should run
     */
    private boolean runMethod(Todo todo, String name, IReporter result) {
        Method method = findMethod(getClass(), name);
        if (method == null) {
            if (name.equals("setUp") || name.equals("tearDown")) {
                return false;
            }
            result.addError(this, new Failure(new IllegalStateException(
                    "no method " + name + "() in " + getClass().getName())));
            return true;
        }
        try {
            Object returned;
            try {
                returned = method.invoke(this);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            waitFor(name, returned);
        } catch (SkipTest e) {
            result.addSkip(this, e.getMessage());
            return true;
        } catch (Throwable t) {
            Failure reason = new Failure(t);
            if (todo == null || !isExpected(todo, reason)) {
                boolean fixture = name.equals("setUp") || name.equals("tearDown");
                if (reason.check(failureException(), FailTest.class) != null
                        && !(fixture && fixtureFailuresAreErrors())) {
                    result.addFailure(this, reason);
                } else {
                    result.addError(this, reason);
                }
            } else {
                result.addExpectedFailure(this, reason, todo);
            }
            return true;
        }
        return false;
    }

    /**
     * Returns whether a {@code FailTest} from {@code setUp} or {@code tearDown} is reported as an
     * error rather than a failure: false here, as trial's synchronous {@code _run}; true for
     * {@link TestCase}, whose {@code _ebDeferSetUp} and {@code _ebDeferTearDown} add errors.
     */
    boolean fixtureFailuresAreErrors() {
        return false;
    }

    /**
     * Handles what a test method, fixture or cleanup returned. {@code SynchronousTestCase} ignores
     * it, as trial does; {@link TestCase} waits for a Deferred.
     *
     * @throws Throwable the error the returned value stands for
     */
    void waitFor(String what, Object returned) throws Throwable {}

    private void runCleanups(IReporter result) {
        while (!cleanups.isEmpty()) {
            ThrowingSupplier<?> f = cleanups.pop();
            try {
                waitFor("cleanup " + f, f.get());
            } catch (Throwable t) {
                result.addError(this, new Failure(t));
            }
        }
    }

    /** Finds the no-argument instance method {@code name} of {@code type} or a superclass. */
    static Method findMethod(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name);
                if (Modifier.isStatic(m.getModifiers())) {
                    return null;
                }
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                // Try the superclass.
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // Message helpers.

    private static String formatMessage(Object msg, String standardMsg) {
        return msg == null ? standardMsg : standardMsg + " : " + msg;
    }

    private static boolean roundsToZero(double difference, int places) {
        if (Double.isNaN(difference) || Double.isInfinite(difference)) {
            return false;
        }
        return new BigDecimal(difference).setScale(places, RoundingMode.HALF_EVEN).signum() == 0;
    }

    private static String truncate(String name) {
        return name.length() > MAX_FILENAME ? name.substring(0, MAX_FILENAME) : name;
    }

    private static String classes(Class<?>... types) {
        return Arrays.stream(types).map(Class::toString)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static boolean contains(Object container, Object containee) {
        if (container instanceof Map<?, ?> map) {
            return map.containsKey(containee);
        }
        if (container instanceof Collection<?> collection) {
            return collection.contains(containee);
        }
        if (container instanceof CharSequence s) {
            if (!(containee instanceof CharSequence sub)) {
                throw new ClassCastException("'in <string>' requires a CharSequence as left operand,"
                        + " not " + (containee == null ? "null" : containee.getClass().getName()));
            }
            return s.toString().contains(sub);
        }
        if (container != null && container.getClass().isArray()) {
            for (int i = 0, n = Array.getLength(container); i < n; i++) {
                if (Objects.deepEquals(Array.get(container, i), containee)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Iterable<?> iterable) {
            for (Object o : iterable) {
                if (Objects.deepEquals(o, containee)) {
                    return true;
                }
            }
            return false;
        }
        throw new ClassCastException("argument of type "
                + (container == null ? "null" : container.getClass().getName())
                + " is not a container");
    }

    /** Shows a value in a message: strings quoted, arrays by content, the rest by toString. */
    static String repr(Object value) {
        if (value instanceof CharSequence s) {
            return "\"" + s + "\"";
        }
        if (value != null && value.getClass().isArray()) {
            String deep = Arrays.deepToString(new Object[] {value});
            return deep.substring(1, deep.length() - 1);
        }
        return String.valueOf(value);
    }
}
