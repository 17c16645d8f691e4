package dev.twj.trial.scripts;

import dev.twj.trial.runner.TestLoader;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests for the order-preserving behavior on provided command-line tests. Port of
 * {@code twisted.trial.test.test_script.TestArgumentOrderTests}.
 */
final class TestArgumentOrderTests extends SynchronousTestCase {
    private Trial.Options config;
    private TestLoader loader;

    void setUp() {
        config = new Trial.Options();
        loader = new TestLoader();
    }

    private static List<String> testNames(List<SynchronousTestCase> suite) {
        List<String> names = new ArrayList<>();
        for (SynchronousTestCase t : suite) {
            names.add(t.id());
        }
        return names;
    }

    /** Multiple tests passed on the command line are not reordered. */
    public void test_preserveArgumentOrder() {
        List<String> tests = List.of("dev.twj.trial.test.TimeoutTests",
                "dev.twj.trial.test.MktempTests", "dev.twj.trial.test.DeferredTests");
        config.parseOptions(tests.toArray(new String[0]));
        List<String> names = testNames(new TestLoader().loadByNames(config.tests));
        List<String> expectedNames = new ArrayList<>();
        for (String name : tests) {
            expectedNames.addAll(testNames(loader.loadByName(name)));
        }
        assertEqual(names, expectedNames);
    }
}
