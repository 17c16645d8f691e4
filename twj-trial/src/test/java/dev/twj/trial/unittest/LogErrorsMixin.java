package dev.twj.trial.unittest;

import dev.twj.logger.Global;
import dev.twj.logger.ILogObserver;
import dev.twj.logger.Logger;
import dev.twj.trial.reporter.TestResult;
import java.util.List;

/**
 * High-level tests demonstrating the expected behaviour of logged errors during tests. Port of
 * {@code twisted.trial.test.test_log.LogErrorsMixin}, with {@code Mask}'s mock tests as
 * {@link SynchronousFailureLogging} and {@link AsynchronousFailureLogging}. Twisted's
 * {@code log.err} is {@code Logger.failure}; ZeroDivisionError is {@link ArithmeticException},
 * TypeError (from {@code 1 + None}) {@link NullPointerException}.
 * {@code AsynchronousLogErrorsTests.test_inCallback} is not ported (deferLater needs a reactor);
 * {@code test_boundedObservers} does not patch the module's observer (a static final here) but
 * checks the same thing: the publisher's observers are unchanged after a test.
 */
abstract class LogErrorsMixin extends SynchronousTestCase {
    static final Logger LOG = new Logger("dev.twj.trial.unittest.LogErrorsMixin");

    TestResult result;

    abstract Class<? extends SynchronousTestCase> mockTest();

    SynchronousTestCase mockTest(String name) {
        return SynchronousTestCase.forMethod(mockTest(), name);
    }

    void setUp() {
        result = new TestResult();
    }

    void tearDown() {
        flushLoggedErrors(ArithmeticException.class);
    }

    /** A logged error gets reported as a test error. */
    public void test_singleError() {
        SynchronousTestCase test = mockTest("test_single");
        test.run(result);
        assertEqual(result.errors.size(), 1);
        assertTrue(result.errors.get(0).failure().check(ArithmeticException.class) != null,
                result.errors.get(0).failure());
        assertEqual(0, result.successes.size());
    }

    /** When two errors get logged, they both get reported as test errors. */
    public void test_twoErrors() {
        SynchronousTestCase test = mockTest("test_double");
        test.run(result);
        assertEqual(result.errors.size(), 2);
        assertEqual(0, result.successes.size());
    }

    /** An error logged in one test doesn't fail the next test. */
    public void test_errorsIsolated() {
        SynchronousTestCase t1 = mockTest("test_single");
        SynchronousTestCase t2 = mockTest("test_silent");
        t1.run(result);
        t2.run(result);
        assertEqual(result.errors.size(), 1);
        assertEqual(result.errors.get(0).test(), t1);
        assertEqual(1, result.successes.size());
    }

    /** An error logged in a failed test doesn't fail the next test. */
    public void test_errorsIsolatedWhenTestFails() {
        SynchronousTestCase t1 = mockTest("test_singleThenFail");
        SynchronousTestCase t2 = mockTest("test_silent");
        t1.run(result);
        t2.run(result);

        assertEqual(result.errors.size(), 2);
        assertEqual(result.errors.get(0).test(), t1);
        result.errors.get(0).failure().trap(NullPointerException.class);

        assertEqual(result.errors.get(1).test(), t1);
        result.errors.get(1).failure().trap(ArithmeticException.class);

        assertEqual(1, result.successes.size());
    }

    /** There are no extra log observers after a test runs. */
    public void test_boundedObservers() throws ReflectiveOperationException {
        List<ILogObserver> observers = List.copyOf(Global.globalLogPublisher().observers());
        var constructor = mockTest().getDeclaredConstructor();
        constructor.setAccessible(true);
        SynchronousTestCase test = constructor.newInstance();
        test.run(result);
        assertEqual(observers, Global.globalLogPublisher().observers());
    }

    /** Mock tests that log errors; hidden from the engine as nested classes of a mixin. */
    static class SynchronousFailureLogging extends SynchronousTestCase {
        /** Don't log any errors. */
        public void test_silent() {}

        /** Log a single error. */
        public void test_single() {
            LOG.failure("", ObserverTests.makeFailure());
        }

        /** Log two errors. */
        public void test_double() {
            LOG.failure("", ObserverTests.makeFailure());
            LOG.failure("", ObserverTests.makeFailure());
        }

        /** Log a single error, then fail. */
        public void test_singleThenFail() {
            LOG.failure("", ObserverTests.makeFailure());
            Object none = null;
            none.hashCode();
        }
    }

    /** The asynchronous mock tests. */
    static class AsynchronousFailureLogging extends TestCase {
        /** Don't log any errors. */
        public void test_silent() {}

        /** Log a single error. */
        public void test_single() {
            LOG.failure("", ObserverTests.makeFailure());
        }

        /** Log two errors. */
        public void test_double() {
            LOG.failure("", ObserverTests.makeFailure());
            LOG.failure("", ObserverTests.makeFailure());
        }

        /** Log a single error, then fail. */
        public void test_singleThenFail() {
            LOG.failure("", ObserverTests.makeFailure());
            Object none = null;
            none.hashCode();
        }
    }
}

/** LogErrorsMixin on SynchronousTestCase mock tests. */
final class SynchronousLogErrorsTests extends LogErrorsMixin {
    @Override
    Class<? extends SynchronousTestCase> mockTest() {
        return SynchronousFailureLogging.class;
    }
}

/** LogErrorsMixin on TestCase mock tests. */
final class AsynchronousLogErrorsTests extends LogErrorsMixin {
    @Override
    Class<? extends SynchronousTestCase> mockTest() {
        return AsynchronousFailureLogging.class;
    }
}
