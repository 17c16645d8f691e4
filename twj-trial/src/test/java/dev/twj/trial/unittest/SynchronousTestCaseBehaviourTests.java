package dev.twj.trial.unittest;

import dev.twj.python.monkey.MonkeyPatcher;
import dev.twj.trial.reporter.TestResult;
import java.util.List;
import java.util.Map;

/**
 * Java-only tests of {@link SynchronousTestCase}: the Java forms of containers in assertIn,
 * patching static fields, and the messages of assertions whose Python tests check only that they
 * fail. Run by trial's engine.
 */
final class SynchronousTestCaseBehaviourTests extends SynchronousTestCase {
    static String patchable = "original";
    static final String CONSTANT = "constant";

    /** assertIn accepts collections, map keys, arrays, iterables and substrings. */
    public void test_assertInContainers() {
        assertIn(1, List.of(1, 2));
        assertIn("k", Map.of("k", "v"));
        assertNotIn("v", Map.of("k", "v"));
        assertIn("b", new String[] {"a", "b"});
        assertIn(List.of(1), new Object[] {List.of(1)});
        assertIn("at", "cat");
        Iterable<Integer> iterable = () -> List.of(7).iterator();
        assertIn(7, iterable);
        FailTest e = assertRaises(FailTest.class, () -> assertIn(3, List.of(1, 2)));
        assertEqual(e.getMessage(), "3 not in [1, 2]");
    }

    /** assertIn on something that is not a container raises an error, not a failure. */
    public void test_assertInNotAContainer() {
        assertRaises(ClassCastException.class, () -> assertIn(1, 5));
    }

    /** assertEqual compares arrays by content, and shows them by content. */
    public void test_assertEqualArrays() {
        assertEqual(new int[] {1, 2}, new int[] {1, 2});
        FailTest e = assertRaises(FailTest.class,
                () -> assertEqual(new int[] {1}, new int[] {2}));
        assertEqual(e.getMessage(), "[1] != [2]");
    }

    /** The messages of assertIs, assertNotEqual and assertApproximates. */
    public void test_messages() {
        assertEqual(assertRaises(FailTest.class, () -> assertIs("a", "b")).getMessage(),
                "\"a\" is not \"b\"");
        assertEqual(assertRaises(FailTest.class, () -> assertNotEqual(1, 1)).getMessage(),
                "1 == 1");
        assertEqual(assertRaises(FailTest.class,
                () -> assertApproximates(1.0, 1.5, 0.1)).getMessage(), "1.0 ~== 1.5");
        assertEqual(assertRaises(FailTest.class,
                () -> assertAlmostEqual(1.0, 1.1, 3)).getMessage(), "1.0 != 1.1 within 3 places");
        assertEqual(assertRaises(FailTest.class, () -> assertTrue(false, "why")).getMessage(),
                "false is not true : why");
    }

    /** patch sets a static field when the target is a Class, and the cleanup restores it. */
    public void test_patchStaticField() {
        SynchronousTestCase test = new SynchronousTestCase();
        MonkeyPatcher patcher = test.patch(SynchronousTestCaseBehaviourTests.class, "patchable",
                "patched");
        assertEqual(patchable, "patched");
        test.run(new TestResult());
        assertEqual(patchable, "original");
        assertNotEqual(patcher.toString(), "");
    }

    /** patch refuses a static final field and a missing field, naming them. */
    public void test_patchRefusesWhatItCannotSet() {
        IllegalArgumentException e = assertRaises(IllegalArgumentException.class,
                () -> patch(SynchronousTestCaseBehaviourTests.class, "CONSTANT", "x"));
        assertIn("static final", e.getMessage());
        e = assertRaises(IllegalArgumentException.class, () -> patch(this, "nothing", "x"));
        assertIn("nothing", e.getMessage());
    }

    /** forMethod names the missing method. */
    public void test_forMethodUnknownMethod() {
        IllegalArgumentException e = assertRaises(IllegalArgumentException.class,
                () -> SynchronousTestCase.forMethod(getClass(), "test_missing"));
        assertIn("test_missing", e.getMessage());
    }

    /** id and toString name the class and method, as Python's str of a test does. */
    public void test_idAndToString() {
        assertEqual(id(), getClass().getName() + ".test_idAndToString");
        assertEqual(toString(), "test_idAndToString (" + id() + ")");
        assertEqual(methodName(), "test_idAndToString");
    }
}
