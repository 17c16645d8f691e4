package dev.twj.trial.test;

import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.runner.TestLoader;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.util.DirtyReactorAggregateError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tests for cleanup and reporting of reactor event sources left behind by test methods. Port of
 * {@code twisted.trial.test.test_tests.ReactorCleanupTests}.
 */
final class ReactorCleanupTests extends SynchronousTestCase {
    private Reporter result;
    private TestLoader loader;

    void setUp() {
        result = new Reporter(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        loader = new TestLoader();
    }

    /** Trial reports a DirtyReactorAggregateError if a test leaves sockets behind. */
    public void test_leftoverSockets() {
        for (SynchronousTestCase t : loader.loadByName(
                Erroneous.SocketOpenTest.class.getName() + ".test_socketsLeftOpen")) {
            t.run(result);
        }
        assertFalse(result.wasSuccessful());
        // socket cleanup happens at end of class's tests.
        // all the tests in the class are successful, even if the suite
        // fails
        assertEqual(result.successes.size(), 1);
        assertTrue(result.errors.get(0).failure().check(DirtyReactorAggregateError.class) != null);
    }

    /**
     * Trial reports a DirtyReactorAggregateError and fails the test if a test leaves a
     * DelayedCall hanging.
     */
    public void test_leftoverPendingCalls() {
        SynchronousTestCase suite = SynchronousTestCase.forMethod(
                Erroneous.ReactorCleanupTests.class, "test_leftoverPendingCalls");
        suite.run(result);
        assertFalse(result.wasSuccessful());
        assertEqual(result.successes.size(), 0);
        assertTrue(result.errors.get(0).failure().check(DirtyReactorAggregateError.class) != null);
    }
}
