package dev.twj.trial.scripts;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests for the {@code --force-gc} option. Port of
 * {@code twisted.trial.test.test_script.ForceGarbageCollectionTests}. Twisted's tests replace
 * {@code gc.collect} to log its calls; a JVM's collection cannot be replaced, so
 * {@code test_forceGc} checks what forcing it is for: a test that drops a Deferred holding an
 * unhandled failure gets the error, every time, and the next test does not. {@code
 * test_unforceGc} checks that the tests run without forcing.
 */
final class ForceGarbageCollectionTests extends SynchronousTestCase {
    /** What the sample tests saw, in order. */
    static final List<String> log = new ArrayList<>();

    /** The error of the dropped Deferreds. */
    static final class DroppedError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedError(String message) {
            super(message);
        }
    }

    /** One test drops a failed Deferred, the other is clean; both log whether gc is forced. */
    static final class SimpleTests extends SynchronousTestCase {
        public void test_drop() {
            log.add("test " + Boolean.getBoolean("twj.trial.forceGc"));
            dropFailedDeferred(methodName());
        }

        public void test_clean() {
            log.add("test " + Boolean.getBoolean("twj.trial.forceGc"));
        }
    }

    private static void dropFailedDeferred(String name) {
        Deferred<Object> d = new Deferred<>();
        d.errback(new DroppedError("dropped by " + name));
    }

    private Trial.Options config;
    private ByteArrayOutputStream stream;

    void setUp() {
        config = new Trial.Options();
        log.clear();
        stream = new ByteArrayOutputStream();
        // Whatever earlier tests dropped is reported now, not during the run below.
        Defer.collectUnhandledErrors();
        flushLoggedErrors();
    }

    private TestResult run(List<SynchronousTestCase> suite) {
        var runner = Trial.makeRunner(config, new PrintStream(stream, true,
                StandardCharsets.UTF_8));
        runner.workingDirectory = mktemp();
        return runner.run(suite);
    }

    private static List<SynchronousTestCase> suite() {
        List<SynchronousTestCase> suite = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            suite.add(SynchronousTestCase.forMethod(SimpleTests.class, "test_drop"));
            suite.add(SynchronousTestCase.forMethod(SimpleTests.class, "test_clean"));
        }
        return suite;
    }

    /**
     * Passing the --force-gc option to the trial script forces the garbage collector to run
     * before and after each test: each test that dropped a failed Deferred gets its error, and
     * the test after it does not.
     */
    public void test_forceGc() {
        config.parseOptions("--force-gc");
        List<SynchronousTestCase> suite = suite();
        TestResult result = run(suite);
        assertEqual(log, List.of("test true", "test true", "test true", "test true",
                "test true", "test true"));
        assertEqual(result.errors.size(), 3, stream.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            TestResult.Outcome error = result.errors.get(i);
            assertIdentical(error.test(), suite.get(2 * i));
            assertNotEqual(error.failure().check(DroppedError.class), null);
        }
        assertEqual(result.successes, List.of(suite.get(1), suite.get(3), suite.get(5)));
    }

    /** By default, no garbage collection is forced. */
    public void test_unforceGc() {
        config.parseOptions();
        run(List.of(SynchronousTestCase.forMethod(SimpleTests.class, "test_clean"),
                SynchronousTestCase.forMethod(SimpleTests.class, "test_clean")));
        assertEqual(log, List.of("test false", "test false"));
    }
}
