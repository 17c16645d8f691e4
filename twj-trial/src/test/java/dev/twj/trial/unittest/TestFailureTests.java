package dev.twj.trial.unittest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.trial.reporter.TestResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for the most basic functionality of {@link SynchronousTestCase}, for failing tests: that
 * {@link SynchronousTestCase#fail} can be used to fail a test, and that the failure is reflected
 * in the test result. Port of {@code twisted.trial.test.test_assertions.TestFailureTests}; like
 * Twisted's, it depends only on the standard framework (JUnit Jupiter here).
 */
class TestFailureTests {
    /** A test case with one failing test. */
    static final class FailingTest extends SynchronousTestCase {
        public void test_fails() {
            fail("This test fails.");
        }
    }

    private FailingTest test;

    @BeforeEach
    void setUp() {
        test = SynchronousTestCase.forMethod(FailingTest.class, "test_fails");
    }

    /** {@code fail} raises {@code failureException} with the given argument. */
    @Test
    public void test_fail() {
        try {
            test.fail("failed");
        } catch (AssertionError result) {
            assertEquals(test.failureException(), result.getClass());
            assertEquals("failed", result.getMessage());
            return;
        }
        fail("SynchronousTestCase.fail method did not raise SynchronousTestCase.failureException");
    }

    /**
     * When a test method raises {@code failureException}, the test is marked as having failed on
     * the result.
     */
    @Test
    public void test_failingExceptionFails() {
        TestResult result = new TestResult();
        test.run(result);
        assertFalse(result.wasSuccessful());
        assertEquals(0, result.errors.size(), () -> result.errors.toString());
        assertEquals(1, result.failures.size());
        assertSame(test, result.failures.get(0).test());
    }
}
