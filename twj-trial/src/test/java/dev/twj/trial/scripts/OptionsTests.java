package dev.twj.trial.scripts;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;

/**
 * Tests for {@link Trial.Options}. Port of {@code twisted.trial.test.test_script.OptionsTests}.
 *
 * <p>{@code test_getWorkerArguments} checks the options twj has ({@code --random} stays with the
 * manager, {@code --force-gc} goes to the workers); Twisted's {@code --recursionlimit} and
 * {@code --disablegc} have no JVM counterpart. Not ported: {@code test_jobsConflictWithProfile}
 * (no {@code --profile}).
 */
final class OptionsTests extends SynchronousTestCase {
    private Trial.Options options;

    void setUp() {
        options = new Trial.Options();
    }

    /**
     * getWorkerArguments discards options like random as they only matter in the manager, and
     * forwards options like force-gc.
     */
    public void test_getWorkerArguments() {
        options.parseOptions("--random", "4", "--force-gc");
        assertEqual(options.getWorkerArguments(), List.of("--force-gc"));
    }

    /**
     * parseOptions raises a UsageError when --debug is passed along --jobs as it's not
     * supported.
     */
    public void test_jobsConflictWithDebug() {
        Trial.UsageError error = assertRaises(Trial.UsageError.class,
                () -> options.parseOptions("--jobs", "4", "--debug"));
        assertEqual("You can't specify --debug when using --jobs", error.getMessage());
    }

    /**
     * parseOptions raises a UsageError when --debug-stacktraces is passed along --jobs as it's
     * not supported.
     */
    public void test_jobsConflictWithDebugStackTraces() {
        Trial.UsageError error = assertRaises(Trial.UsageError.class,
                () -> options.parseOptions("--jobs", "4", "--debug-stacktraces"));
        assertEqual("You can't specify --debug-stacktraces when using --jobs",
                error.getMessage());
    }

    /** parseOptions raises a UsageError when --order is passed along with --random. */
    public void test_orderConflictWithRandom() {
        Trial.UsageError error = assertRaises(Trial.UsageError.class,
                () -> options.parseOptions("--order", "alphabetical", "--random", "1234"));
        assertEqual("You can't specify --random when using --order", error.getMessage());
    }
}
