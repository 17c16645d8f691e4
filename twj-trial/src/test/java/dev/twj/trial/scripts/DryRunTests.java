package dev.twj.trial.scripts;

import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;

/**
 * Checks that 'dry run' mode works well with trial's TestCase. Port of
 * {@code twisted.trial.test.test_runner.DryRunTests}. Not ported: {@code PyUnitDryRunTests} (no
 * standard library test cases in Java).
 */
final class DryRunTests extends DryRunMixin {
    /** An asynchronous test that logs when it runs. */
    static final class MockTest extends TestCase {
        public void test_foo() {
            log.add("test_foo");
        }
    }

    @Override
    void makeTestFixtures() {
        test = SynchronousTestCase.forMethod(MockTest.class, "test_foo");
    }
}
