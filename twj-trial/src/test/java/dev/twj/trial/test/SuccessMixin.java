package dev.twj.trial.test;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;
import java.util.List;

/**
 * Tests for the reporting of successful tests. Port of
 * {@code twisted.trial.test.test_tests.SuccessMixin}; {@code test_noReference} is not ported
 * (it needs a garbage collection to clear a weak reference at once, which the JVM does not
 * promise).
 */
abstract class SuccessMixin extends SynchronousTestCase {
    TestResult result;

    /** Setup our test case. */
    void setUp() {
        result = new TestResult();
    }

    /** A successful test, used by other tests. */
    public void test_successful() {}

    /** The class whose test_successful the tests run: this class, or a TestCase. */
    abstract Class<? extends SynchronousTestCase> testCaseClass();

    /** Asserts there is one success and the state is plausible. */
    void assertSuccessful(SynchronousTestCase test, TestResult result) {
        assertEqual(result.successes.size(), 1);
        assertEqual(result.failures, List.of());
        assertEqual(result.errors, List.of());
        assertEqual(result.expectedFailures, List.of());
        assertEqual(result.unexpectedSuccesses, List.of());
        assertEqual(result.skips, List.of());
    }

    /**
     * When a successful test is run, it is reported as a success, and not as any other kind of
     * result.
     */
    public void test_successfulIsReported() {
        SynchronousTestCase test = SynchronousTestCase.forMethod(testCaseClass(), "test_successful");
        test.run(result);
        assertSuccessful(test, result);
    }

    /** The test case type can be instantiated with no arguments, run, and reported a success. */
    public void test_defaultIsSuccessful() throws ReflectiveOperationException {
        var constructor = testCaseClass().getDeclaredConstructor();
        constructor.setAccessible(true);
        SynchronousTestCase test = constructor.newInstance();
        test.run(result);
        assertSuccessful(test, result);
    }
}

/** SuccessMixin on a SynchronousTestCase. */
final class SynchronousSuccessTests extends SuccessMixin {
    @Override
    Class<? extends SynchronousTestCase> testCaseClass() {
        return SynchronousSuccessTests.class;
    }
}

/**
 * SuccessMixin for the asynchronous case. Java has no mixins: this class is a
 * SynchronousTestCase, and the test case it runs is {@link Successful}, a TestCase whose
 * test_successful returns a fired Deferred (Twisted runs the test class itself, a TestCase).
 */
final class AsynchronousSuccessTests extends SuccessMixin {
    /** A TestCase with one successful test. */
    static final class Successful extends TestCase {
        public Deferred<Void> test_successful() {
            return Defer.succeed(null);
        }
    }

    @Override
    Class<? extends SynchronousTestCase> testCaseClass() {
        return Successful.class;
    }
}
