package dev.twj.trial.scripts;

import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Checks that 'dry run' mode works well with trial's SynchronousTestCase. Port of
 * {@code twisted.trial.test.test_runner.SynchronousDryRunTests}.
 */
final class SynchronousDryRunTests extends DryRunMixin {
    /** A synchronous test that logs when it runs. */
    static final class PyunitCase extends SynchronousTestCase {
        public void test_foo() {
            log.add("test_foo");
        }
    }

    @Override
    void makeTestFixtures() {
        test = SynchronousTestCase.forMethod(PyunitCase.class, "test_foo");
    }
}
