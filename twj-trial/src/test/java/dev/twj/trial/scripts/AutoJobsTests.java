package dev.twj.trial.scripts;

import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Tests for {@code Trial.autoJobs}, the worker count of {@code --jobs auto}. Port of
 * {@code twisted.trial.test.test_script.AutoJobsTests}: the JVM has one source for the number,
 * {@link Runtime#availableProcessors()} (which follows the CPU affinity and container limits), so
 * {@code test_processCpuCount} and {@code test_schedGetAffinity} (Python's other sources) and
 * {@code test_cpuCountUnknown} (Python's count can be unknown) are not ported.
 */
final class AutoJobsTests extends SynchronousTestCase {
    /** autoJobs returns the number of processors the JVM may use. */
    public void test_cpuCount() {
        assertEqual(Trial.autoJobs(), Runtime.getRuntime().availableProcessors());
    }
}
