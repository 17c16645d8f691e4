package dev.twj.trial.unittest;

import static dev.twj.internet.defer.Defer.fail;
import static dev.twj.internet.defer.Defer.succeed;

import dev.twj.internet.defer.Deferred;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.AssertionFixtures.IOError;
import dev.twj.trial.unittest.AssertionFixtures.KeyError;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link SynchronousTestCase#successResultOf}, {@link SynchronousTestCase#failureResultOf}
 * and {@link SynchronousTestCase#assertNoResult}. Port of
 * {@code twisted.trial.test.test_assertions.ResultOfAssertionsTests}.
 *
 * <p>Where Twisted writes {@code KeyError.__module__ + "." + KeyError.__name__}, the Java message
 * has the class's binary name.
 */
class ResultOfAssertionsTests {
    private final SynchronousTestCase self = new SynchronousTestCase();
    private final Object result = new Object();
    private final Failure failure = new Failure(new Exception("Bad times"));

    /** successResultOf fails when called with a Deferred with no current result. */
    @Test
    public void test_withoutResult() {
        self.assertRaises(FailTest.class, () -> self.successResultOf(new Deferred<>()));
    }

    /** successResultOf fails when called with a Deferred with a failure result. */
    @Test
    public void test_successResultOfWithFailure() {
        self.assertRaises(FailTest.class, () -> self.successResultOf(fail(failure)));
    }

    /**
     * successResultOf fails with a message that has the original failure traceback when called
     * with a Deferred with a failure result.
     */
    @Test
    public void test_successResultOfWithFailureHasTraceback() {
        try {
            self.successResultOf(fail(failure));
        } catch (FailTest e) {
            self.assertIn(failure.getTraceback(), e.getMessage());
        }
    }

    /** failureResultOf fails when called with a Deferred with no current result. */
    @Test
    public void test_failureResultOfWithoutResult() {
        self.assertRaises(FailTest.class, () -> self.failureResultOf(new Deferred<>()));
    }

    /** failureResultOf fails when called with a Deferred with a success result. */
    @Test
    public void test_failureResultOfWithSuccess() {
        self.assertRaises(FailTest.class, () -> self.failureResultOf(succeed(result)));
    }

    /** failureResultOf fails when the Deferred fails with an exception type not expected. */
    @Test
    public void test_failureResultOfWithWrongFailure() {
        self.assertRaises(FailTest.class,
                () -> self.failureResultOf(fail(failure), KeyError.class));
    }

    /** ... and the message contains the expected exception type. */
    @Test
    public void test_failureResultOfWithWrongFailureOneExpectedFailure() {
        try {
            self.failureResultOf(fail(failure), KeyError.class);
        } catch (FailTest e) {
            self.assertIn("Failure of type (" + KeyError.class.getName() + ") expected on",
                    e.getMessage());
        }
    }

    /** ... and the message contains the original failure traceback. */
    @Test
    public void test_failureResultOfWithWrongFailureOneExpectedFailureHasTB() {
        try {
            self.failureResultOf(fail(failure), KeyError.class);
        } catch (FailTest e) {
            self.assertIn(failure.getTraceback(), e.getMessage());
        }
    }

    /** ... and the message contains the expected exception types. */
    @Test
    public void test_failureResultOfWithWrongFailureMultiExpectedFailures() {
        try {
            self.failureResultOf(fail(failure), KeyError.class, IOError.class);
        } catch (FailTest e) {
            self.assertIn("Failure of type (" + KeyError.class.getName() + " or "
                    + IOError.class.getName() + ") expected on", e.getMessage());
        }
    }

    /** ... and the message contains the original failure traceback. */
    @Test
    public void test_failureResultOfWithWrongFailureMultiExpectedFailuresHasTB() {
        try {
            self.failureResultOf(fail(failure), KeyError.class, IOError.class);
        } catch (FailTest e) {
            self.assertIn(failure.getTraceback(), e.getMessage());
        }
    }

    /** When passed a Deferred which currently has a result, successResultOf returns it. */
    @Test
    public void test_successResultOfWithSuccessResult() {
        self.assertIdentical(result, self.successResultOf(succeed(result)));
    }

    /** failureResultOf returns the Failure if its exception type is expected. */
    @Test
    public void test_failureResultOfWithExpectedFailureResult() {
        self.assertIdentical(failure,
                self.failureResultOf(fail(failure), failure.type(), KeyError.class));
    }

    /** failureResultOf returns the Failure result of a Deferred. */
    @Test
    public void test_failureResultOfWithFailureResult() {
        self.assertIdentical(failure, self.failureResultOf(fail(failure)));
    }

    /** assertNoResult fails when passed a Deferred which has a success result. */
    @Test
    public void test_assertNoResultSuccess() {
        self.assertRaises(FailTest.class, () -> self.assertNoResult(succeed(result)));
    }

    /** assertNoResult fails when passed a Deferred which has a failure result. */
    @Test
    public void test_assertNoResultFailure() {
        self.assertRaises(FailTest.class, () -> self.assertNoResult(fail(failure)));
    }

    /** assertNoResult does not raise when passed a Deferred with no current result. */
    @Test
    public void test_assertNoResult() {
        self.assertNoResult(new Deferred<>());
    }

    /** assertNoResult doesn't modify the later success result of the Deferred. */
    @Test
    public void test_assertNoResultPropagatesSuccess() {
        Deferred<Object> d = new Deferred<>();
        self.assertNoResult(d);
        d.callback(result);
        self.assertEqual(result, self.successResultOf(d));
    }

    /** assertNoResult doesn't modify the later failure result of the Deferred. */
    @Test
    public void test_assertNoResultPropagatesLaterFailure() {
        Deferred<Object> d = new Deferred<>();
        self.assertNoResult(d);
        d.errback(failure);
        self.assertEqual(failure, self.failureResultOf(d));
    }

    /** assertNoResult changes an immediate failure result of the Deferred to a success. */
    @Test
    public void test_assertNoResultSwallowsImmediateFailure() {
        Deferred<Object> d = fail(failure);
        try {
            self.assertNoResult(d);
        } catch (FailTest e) {
            // expected
        }
        self.assertEqual(null, self.successResultOf(d));
    }
}
