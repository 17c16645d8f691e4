package dev.twj.trial.test;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests the addCleanup method of TestCase. Port of
 * {@code twisted.trial.test.test_tests.AddCleanupMixin}.
 *
 * <p>{@link Skipping.SynchronousAddCleanup} and {@link Skipping.AsynchronousAddCleanup} have no
 * common Java supertype but SynchronousTestCase, so the tests reach their {@code log},
 * {@code append} and set-up choice through the small {@link Fixture} adapter.
 * {@code AsynchronousAddCleanupTests.test_addCleanupWaitsForDeferreds} is not ported: its cleanup
 * Deferred fires from {@code reactor.callLater(0, ...)}, and there is no reactor yet.
 */
abstract class AddCleanupMixin extends SynchronousTestCase {
    /** What the tests need of an AddCleanup fixture. */
    interface Fixture {
        SynchronousTestCase test();

        List<String> log();

        void append(String thing);

        void useBrokenSetUp();

        void useSkippingSetUp();
    }

    TestResult result;
    Fixture fixture;
    SynchronousTestCase test;

    abstract Fixture newAddCleanup();

    /** Setup our test case. */
    void setUp() {
        result = new TestResult();
        fixture = newAddCleanup();
        test = fixture.test();
    }

    /** Callables added with addCleanup are run even if setUp fails. */
    public void test_addCleanupCalledIfSetUpFails() {
        fixture.useBrokenSetUp();
        test.addCleanup(() -> fixture.append("foo"));
        test.run(result);
        assertEqual(List.of("setUp", "foo"), fixture.log());
    }

    /**
     * Callables added with addCleanup are run even if setUp raises SkipTest. This allows test
     * authors to reliably provide clean up code using addCleanup.
     */
    public void test_addCleanupCalledIfSetUpSkips() {
        fixture.useSkippingSetUp();
        test.addCleanup(() -> fixture.append("foo"));
        test.run(result);
        assertEqual(List.of("setUp", "foo"), fixture.log());
    }

    /**
     * Callables added with addCleanup should be called before tearDown in reverse order of
     * addition.
     */
    public void test_addCleanupCalledInReverseOrder() {
        test.addCleanup(() -> fixture.append("foo"));
        test.addCleanup(() -> fixture.append("bar"));
        test.run(result);
        assertEqual(List.of("setUp", "runTest", "bar", "foo", "tearDown"), fixture.log());
    }

    /**
     * Errors raised in cleanup functions should be treated like errors in tearDown. They should
     * be added as errors and fail the test. Skips, todos and failures are all treated as errors.
     */
    public void test_errorInCleanupIsCaptured() {
        test.addCleanup(() -> test.fail("foo"));
        test.run(result);
        assertFalse(result.wasSuccessful());
        assertEqual(1, result.errors.size());
        SynchronousTestCase errorTest = result.errors.get(0).test();
        Failure error = result.errors.get(0).failure();
        assertEqual(errorTest, test);
        assertEqual(error.getErrorMessage(), "foo");
    }

    /** If a cleanup raises an error then that does not stop the other cleanups from being run. */
    public void test_cleanupsContinueRunningAfterError() {
        test.addCleanup(() -> fixture.append("foo"));
        test.addCleanup(() -> test.fail("bar"));
        test.run(result);
        assertEqual(List.of("setUp", "runTest", "foo", "tearDown"), fixture.log());
        assertEqual(1, result.errors.size());
        assertEqual(result.errors.get(0).test(), test);
        assertEqual(result.errors.get(0).failure().getErrorMessage(), "bar");
    }

    /** If more than one cleanup fails, then the test should fail with more than one error. */
    public void test_multipleErrorsReported() {
        test.addCleanup(() -> test.fail("foo"));
        test.addCleanup(() -> test.fail("bar"));
        test.run(result);
        assertEqual(List.of("setUp", "runTest", "tearDown"), fixture.log());
        assertEqual(2, result.errors.size());
        assertEqual(result.errors.get(0).test(), test);
        assertEqual(result.errors.get(1).test(), test);
        assertEqual(result.errors.get(0).failure().getErrorMessage(), "bar");
        assertEqual(result.errors.get(1).failure().getErrorMessage(), "foo");
    }

    /** A function registered as a cleanup is run once. */
    public void test_cleanupRunsOnce() {
        List<String> cleanups = new ArrayList<>();
        String[] stage = {null};
        test.addCleanup(() -> cleanups.add(stage[0]));
        // It should get run this time.
        stage[0] = "first";
        test.run(result);
        // It should not get run the next time since it has not been re-registered.
        stage[0] = "second";
        test.run(result);
        assertEqual(cleanups, List.of("first"));
    }
}

/** Tests the addCleanup method of TestCase in the synchronous case. */
final class SynchronousAddCleanupTests extends AddCleanupMixin {
    @Override
    Fixture newAddCleanup() {
        Skipping.SynchronousAddCleanup t = new Skipping.SynchronousAddCleanup();
        return new Fixture() {
            @Override
            public SynchronousTestCase test() {
                return t;
            }

            @Override
            public List<String> log() {
                return t.log;
            }

            @Override
            public void append(String thing) {
                t.append(thing);
            }

            @Override
            public void useBrokenSetUp() {
                t.useSetUp(t::brokenSetUp);
            }

            @Override
            public void useSkippingSetUp() {
                t.useSetUp(t::skippingSetUp);
            }
        };
    }
}

/** Tests the addCleanup method of TestCase in the asynchronous case. */
final class AsynchronousAddCleanupTests extends AddCleanupMixin {
    @Override
    Fixture newAddCleanup() {
        Skipping.AsynchronousAddCleanup t = new Skipping.AsynchronousAddCleanup();
        return new Fixture() {
            @Override
            public SynchronousTestCase test() {
                return t;
            }

            @Override
            public List<String> log() {
                return t.log;
            }

            @Override
            public void append(String thing) {
                t.append(thing);
            }

            @Override
            public void useBrokenSetUp() {
                t.useSetUp(t::brokenSetUp);
            }

            @Override
            public void useSkippingSetUp() {
                t.useSetUp(t::skippingSetUp);
            }
        };
    }
}
