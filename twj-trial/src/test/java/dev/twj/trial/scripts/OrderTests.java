package dev.twj.trial.scripts;

import dev.twj.trial.runner.TestLoader;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tests for the {@code --order} option. Port of
 * {@code twisted.trial.test.test_script.OrderTests}. A Twisted module of test classes is a Java
 * package of them here (one top-level class per file): {@code test_alphabeticalModule} loads the
 * package {@code ordertests}, and there is no {@code test_toptobottomModule} (classes of one
 * module in source order) since a package's classes have no source order. Not ported either:
 * {@code test_toptobottomMissingSource} (a loaded Java class always has its class file's
 * order).
 */
final class OrderTests extends SynchronousTestCase {
    static final String ORDERTESTS = "dev.twj.trial.test.ordertests";

    private Trial.Options config;

    void setUp() {
        config = new Trial.Options();
    }

    private List<String> load() {
        TestLoader loader = Trial.getLoader(config, new PrintStream(OutputStream.nullOutputStream()));
        return testNames(loader.loadByNames(config.tests));
    }

    /** Returns the ids of {@code suite}: Twisted's {@code testNames}. */
    static List<String> testNames(List<SynchronousTestCase> suite) {
        List<String> names = new ArrayList<>();
        for (SynchronousTestCase t : suite) {
            names.add(t.id());
        }
        return names;
    }

    /** --order=alphabetical causes trial to run tests alphabetically within each test case. */
    public void test_alphabetical() {
        config.parseOptions("--order", "alphabetical", ORDERTESTS + ".FooCase");
        assertEqual(load(), List.of(
                ORDERTESTS + ".FooCase.test_first",
                ORDERTESTS + ".FooCase.test_fourth",
                ORDERTESTS + ".FooCase.test_second",
                ORDERTESTS + ".FooCase.test_third"));
    }

    /**
     * --order=alphabetical causes trial to run test classes within a given module (package)
     * alphabetically.
     */
    public void test_alphabeticalModule() {
        config.parseOptions("--order", "alphabetical", ORDERTESTS);
        assertEqual(load(), List.of(
                ORDERTESTS + ".BarCase.test_bar",
                ORDERTESTS + ".BazCase.test_baz",
                ORDERTESTS + ".FooCase.test_first",
                ORDERTESTS + ".FooCase.test_fourth",
                ORDERTESTS + ".FooCase.test_second",
                ORDERTESTS + ".FooCase.test_third"));
    }

    /**
     * --order=alphabetical causes trial to run test modules within a given package
     * alphabetically, with tests within each module alphabetized.
     */
    public void test_alphabeticalPackage() {
        config.parseOptions("--order", "alphabetical", "dev.twj.trial.test");
        List<String> names = load();
        assertTrue(!names.isEmpty(), "Failed to load any tests!");
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.naturalOrder());
        assertEqual(names, sorted);
    }

    /**
     * --order=toptobottom causes trial to run test methods within a given test case from top to
     * bottom as they are defined in the body of the class.
     */
    public void test_toptobottom() {
        config.parseOptions("--order", "toptobottom", ORDERTESTS + ".FooCase");
        assertEqual(load(), List.of(
                ORDERTESTS + ".FooCase.test_first",
                ORDERTESTS + ".FooCase.test_second",
                ORDERTESTS + ".FooCase.test_third",
                ORDERTESTS + ".FooCase.test_fourth"));
    }

    /**
     * --order=toptobottom causes trial to run test modules (classes) within a given package
     * alphabetically, with tests within each module run top to bottom.
     */
    public void test_toptobottomPackage() {
        config.parseOptions("--order", "toptobottom", ORDERTESTS);
        assertEqual(load(), List.of(
                ORDERTESTS + ".BarCase.test_bar",
                ORDERTESTS + ".BazCase.test_baz",
                ORDERTESTS + ".FooCase.test_first",
                ORDERTESTS + ".FooCase.test_second",
                ORDERTESTS + ".FooCase.test_third",
                ORDERTESTS + ".FooCase.test_fourth"));
        config = new Trial.Options();
        config.parseOptions("--order", "toptobottom", "dev.twj.trial.test");
        List<String> names = load();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparing(name -> name.substring(0, name.lastIndexOf('.'))));
        assertEqual(names, sorted);
    }

    /** An unknown order passed to --order raises a UsageError. */
    public void test_unknownOrder() {
        assertRaises(Trial.UsageError.class,
                () -> config.parseOptions("--order", "I don't exist"));
    }
}
