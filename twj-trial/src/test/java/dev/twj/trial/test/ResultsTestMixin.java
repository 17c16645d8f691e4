package dev.twj.trial.test;

import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Provides useful APIs for test cases that are about test cases. Port of
 * {@code twisted.trial.test.test_tests.ResultsTestMixin}; trial's engine runs its subclasses.
 */
abstract class ResultsTestMixin extends SynchronousTestCase {
    List<SynchronousTestCase> suite;
    TestResult reporter;

    /**
     * Loads the tests of {@code testClass} (its public no-argument test* methods, sorted by name,
     * as pyunit's loader and trial's engine do) and creates a new reporter to run them with.
     */
    void loadSuite(Class<? extends SynchronousTestCase> testClass) {
        suite = loadTestsFromTestCase(testClass);
        reporter = new TestResult();
    }

    static List<SynchronousTestCase> loadTestsFromTestCase(
            Class<? extends SynchronousTestCase> testClass) {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : testClass.getMethods()) {
            if (m.getName().startsWith("test") && m.getParameterCount() == 0
                    && !Modifier.isStatic(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        List<SynchronousTestCase> tests = new ArrayList<>();
        for (String name : names) {
            tests.add(SynchronousTestCase.forMethod(testClass, name));
        }
        return tests;
    }

    /** Runs every test of the suite with the reporter (Python's {@code self.suite(self.reporter)}). */
    void runSuite() {
        for (SynchronousTestCase test : suite) {
            test.run(reporter);
        }
    }

    /** test the setup */
    public void test_setUp() {
        assertTrue(reporter.wasSuccessful());
        assertEqual(reporter.errors, List.of());
        assertEqual(reporter.failures, List.of());
        assertEqual(reporter.skips, List.of());
    }

    /** Asserts that the test count is plausible. */
    void assertCount(int numTests) {
        assertEqual(suite.size(), numTests);
        runSuite();
        assertEqual(reporter.testsRun(), numTests);
    }
}
