package dev.twj.trial.unittest;

import dev.twj.trial.unittest.AssertionFixtures.ComparisonError;
import dev.twj.trial.unittest.AssertionFixtures.MockEquality;
import dev.twj.trial.unittest.AssertionFixtures.TypeError;
import dev.twj.trial.unittest.AssertionFixtures.ValueError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link SynchronousTestCase}'s assertion methods not covered by more specific classes.
 * Port of {@code twisted.trial.test.test_assertions.SynchronousAssertionsTests}.
 *
 * <p>Tests named after trial's old aliases ({@code failUnlessRaises}, {@code failIfEqual}, ...)
 * exercise the {@code assert*} method the alias stands for; twj has no aliases. Not ported: the
 * three {@code assertRaisesContext*} tests and {@code test_brokenName} (no context-manager form,
 * and a tuple of exception types has no Java form), {@code test_assertDictEqual} (a standard
 * library method; {@code assertEqual} compares maps).
 */
class SynchronousAssertionsTests {
    private final SynchronousTestCase self = new SynchronousTestCase();

    private void testEqualPair(Object first, Object second) {
        Object x = self.assertEqual(first, second);
        if (x != first) {
            self.fail("assertEqual should return first parameter");
        }
    }

    /**
     * Asserts that when called with unequal arguments, {@code assertEqual} raises a failure
     * exception whose message is {@code first != second} (the standard library's message).
     */
    private void testUnequalPair(Object first, Object second) {
        boolean raised = false;
        try {
            self.assertEqual(first, second);
        } catch (FailTest ourFailure) {
            raised = true;
            String expected = SynchronousTestCase.repr(first) + " != "
                    + SynchronousTestCase.repr(second);
            String got = ourFailure.getMessage();
            if (!expected.equals(got)) {
                self.fail("Expected: " + expected + "; Got: " + got);
            }
        }
        if (!raised) {
            self.fail("Call to assertEqual(" + first + ", " + second + ") didn't fail");
        }
    }

    @Test
    public void test_assertEqual_basic() {
        testEqualPair("cat", "cat");
        testUnequalPair("cat", "dog");
        testEqualPair(List.of(1), List.of(1));
        testUnequalPair(List.of(1), "orange");
    }

    @Test
    public void test_assertEqual_custom() {
        MockEquality x = new MockEquality("first");
        MockEquality y = new MockEquality("second");
        MockEquality z = new MockEquality("first");
        testEqualPair(x, x);
        testEqualPair(x, z);
        testUnequalPair(x, y);
        testUnequalPair(y, z);
    }

    /** When a message is passed to {@code assertEqual} it is included in the error message. */
    @Test
    public void test_assertEqualMessage() {
        String message = "message";
        FailTest exception = self.assertRaises(
                FailTest.class, () -> self.assertEqual("foo", "bar", message));
        self.assertIn(message, exception.getMessage());
    }

    /** If a message is given as null, it is not included in the error message of assertEqual. */
    @Test
    public void test_assertEqualNoneMessage() {
        FailTest exceptionForNone = self.assertRaises(
                FailTest.class, () -> self.assertEqual("foo", "bar", null));
        FailTest exceptionWithout = self.assertRaises(
                FailTest.class, () -> self.assertEqual("foo", "bar"));
        self.assertEqual(exceptionWithout.getMessage(), exceptionForNone.getMessage());
    }

    @Test
    public void test_assertEqual_incomparable() {
        ComparisonError apple = new ComparisonError();
        List<String> orange = List.of("orange");
        try {
            self.assertEqual(apple, orange);
        } catch (FailTest e) {
            self.fail("Fail raised when ValueError ought to have been raised.");
        } catch (ValueError e) {
            // good. error not swallowed
            return;
        }
        self.fail("Comparing " + apple + " and " + orange + " should have raised an exception");
    }

    private static Object raiseError(RuntimeException error) {
        throw error;
    }

    private static void raiseError(AssertionError error) {
        throw error;
    }

    @Test
    public void test_failUnlessRaises_expected() {
        ValueError x = self.assertRaises(ValueError.class, () -> raiseError(new ValueError()));
        self.assertTrue(x instanceof ValueError,
                "Expect failUnlessRaises to return instance of raised exception.");
    }

    @Test
    public void test_failUnlessRaises_unexpected() {
        try {
            self.assertRaises(ValueError.class, () -> raiseError(new TypeError()));
        } catch (TypeError e) {
            self.fail("failUnlessRaises shouldn't re-raise unexpected exceptions");
        } catch (FailTest e) {
            // what we expect
            return;
        }
        self.fail("Expected exception wasn't raised. Should have failed");
    }

    @Test
    public void test_failUnlessRaises_noException() {
        int returnValue = 3;
        try {
            self.assertRaises(ValueError.class, () -> returnValue);
        } catch (FailTest e) {
            self.assertEqual(e.getMessage(), "ValueError not raised (3 returned)");
            return;
        }
        self.fail("Exception not raised. Should have failed");
    }

    @Test
    public void test_failUnlessRaises_failureException() {
        FailTest x = self.assertRaises(FailTest.class, () -> raiseError(new FailTest(null)));
        self.assertTrue(x instanceof FailTest,
                "Expected " + self.failureException() + " instance to be returned");
        try {
            self.assertRaises(FailTest.class, () -> raiseError(new ValueError()));
        } catch (FailTest e) {
            // what we expect
            return;
        }
        self.fail("Should have raised exception");
    }

    @Test
    public void test_failIfEqual_basic() {
        List<Integer> x = List.of(1);
        List<Integer> y = List.of(2);
        List<Integer> z = List.of(1);
        List<Integer> ret = self.assertNotEqual(x, y);
        self.assertEqual(ret, x, "failIfEqual should return first parameter");
        self.assertRaises(FailTest.class, () -> self.assertNotEqual(x, x));
        self.assertRaises(FailTest.class, () -> self.assertNotEqual(x, z));
    }

    @Test
    public void test_failIfEqual_customEq() {
        MockEquality x = new MockEquality("first");
        MockEquality y = new MockEquality("second");
        MockEquality z = new MockEquality("fecund");
        MockEquality ret = self.assertNotEqual(x, y);
        self.assertEqual(ret, x, "failIfEqual should return first parameter");
        self.assertRaises(FailTest.class, () -> self.assertNotEqual(x, x));
        self.assertNotEqual(x, z, "__ne__ should make these not equal");
    }

    /** assertIsNot returns its first argument if the two are not the same object. */
    @Test
    public void test_failIfIdenticalPositive() {
        Object x = new Object();
        Object y = new Object();
        Object result = self.assertNotIdentical(x, y);
        self.assertEqual(x, result);
    }

    /** assertIsNot raises failureException if its two arguments are the same object. */
    @Test
    public void test_failIfIdenticalNegative() {
        Object x = new Object();
        self.assertRaises(FailTest.class, () -> self.assertNotIdentical(x, x));
    }

    @Test
    public void test_failUnlessIdentical() {
        List<Integer> x = new java.util.ArrayList<>(List.of(1));
        List<Integer> y = new java.util.ArrayList<>(List.of(1));
        List<Integer> z = List.of(2);
        List<Integer> ret = self.assertIdentical(x, x);
        self.assertEqual(ret, x, "failUnlessIdentical should return first parameter");
        self.assertRaises(FailTest.class, () -> self.assertIdentical(x, y));
        self.assertRaises(FailTest.class, () -> self.assertIdentical(x, z));
    }

    @Test
    public void test_failUnlessApproximates() {
        double x = 1.0;
        double y = 1.1;
        double z = 1.2;
        self.assertApproximates(x, x, 0.2);
        double ret = self.assertApproximates(x, y, 0.2);
        self.assertEqual(ret, x, "failUnlessApproximates should return first parameter");
        self.assertRaises(FailTest.class, () -> self.assertApproximates(x, z, 0.1));
        self.assertRaises(FailTest.class, () -> self.assertApproximates(x, y, 0.1));
    }

    @Test
    public void test_failUnlessAlmostEqual() {
        int precision = 5;
        double x = 8.000001;
        double y = 8.00001;
        double z = 8.000002;
        self.assertAlmostEqual(x, x, precision);
        double ret = self.assertAlmostEqual(x, z, precision);
        self.assertEqual(ret, x,
                "failUnlessAlmostEqual should return first parameter (" + ret + ", " + x + ")");
        self.assertRaises(FailTest.class, () -> self.assertAlmostEqual(x, y, precision));
    }

    @Test
    public void test_failIfAlmostEqual() {
        int precision = 5;
        double x = 8.000001;
        double y = 8.00001;
        double z = 8.000002;
        double ret = self.assertNotAlmostEqual(x, y, precision);
        self.assertEqual(ret, x,
                "failIfAlmostEqual should return first parameter (" + ret + ", " + x + ")");
        self.assertRaises(FailTest.class, () -> self.assertNotAlmostEqual(x, x, precision));
        self.assertRaises(FailTest.class, () -> self.assertNotAlmostEqual(x, z, precision));
    }

    @Test
    public void test_failUnlessSubstring() {
        String x = "cat";
        String y = "the dog sat";
        String z = "the cat sat";
        self.assertSubstring(x, x);
        String ret = self.assertSubstring(x, z);
        self.assertEqual(ret, x, "should return first parameter");
        self.assertRaises(FailTest.class, () -> self.assertSubstring(x, y));
        self.assertRaises(FailTest.class, () -> self.assertSubstring(z, x));
    }

    @Test
    public void test_failIfSubstring() {
        String x = "cat";
        String y = "the dog sat";
        String z = "the cat sat";
        self.assertNotSubstring(z, x);
        String ret = self.assertNotSubstring(x, y);
        self.assertEqual(ret, x, "should return first parameter");
        self.assertRaises(FailTest.class, () -> self.assertNotSubstring(x, x));
        self.assertRaises(FailTest.class, () -> self.assertNotSubstring(x, z));
    }

    /** assertIs passes if two objects are identical. */
    @Test
    public void test_assertIs() {
        MockEquality a = new MockEquality("first");
        self.assertIs(a, a);
    }

    /** assertIs fails if two objects are not identical. */
    @Test
    public void test_assertIsError() {
        MockEquality a = new MockEquality("first");
        MockEquality b = new MockEquality("first");
        self.assertEqual(a, b);
        self.assertRaises(FailTest.class, () -> self.assertIs(a, b));
    }

    /** assertIsNot passes if two objects are not identical. */
    @Test
    public void test_assertIsNot() {
        MockEquality a = new MockEquality("first");
        MockEquality b = new MockEquality("first");
        self.assertEqual(a, b);
        self.assertIsNot(a, b);
    }

    /** assertIsNot fails if two objects are identical. */
    @Test
    public void test_assertIsNotError() {
        MockEquality a = new MockEquality("first");
        self.assertRaises(FailTest.class, () -> self.assertIsNot(a, a));
    }

    static class A {}

    static class B {}

    static class C {}

    /** A true condition of assertIsInstance. */
    @Test
    public void test_assertIsInstance() {
        A a = new A();
        self.assertIsInstance(a, A.class);
    }

    /** A true condition of assertIsInstance with multiple classes. */
    @Test
    public void test_assertIsInstanceMultipleClasses() {
        A a = new A();
        self.assertIsInstance(a, A.class, B.class);
    }

    /** An error with assertIsInstance. */
    @Test
    public void test_assertIsInstanceError() {
        A a = new A();
        self.assertRaises(FailTest.class, () -> self.assertIsInstance(a, B.class));
    }

    /** An error with assertIsInstance and multiple classes. */
    @Test
    public void test_assertIsInstanceErrorMultipleClasses() {
        A a = new A();
        self.assertRaises(FailTest.class, () -> self.assertIsInstance(a, B.class, C.class));
    }

    /**
     * If assertIsInstance is passed a custom message as its third argument, the message is
     * included in the failure exception raised when the assertion fails.
     */
    @Test
    public void test_assertIsInstanceCustomMessage() {
        FailTest exc = self.assertRaises(FailTest.class,
                () -> self.assertIsInstance(3, String.class, "Silly assertion"));
        self.assertIn("Silly assertion", exc.getMessage());
    }

    /** A true condition of assertNotIsInstance. */
    @Test
    public void test_assertNotIsInstance() {
        A a = new A();
        self.assertNotIsInstance(a, B.class);
    }

    /** A true condition of assertNotIsInstance and multiple classes. */
    @Test
    public void test_assertNotIsInstanceMultipleClasses() {
        A a = new A();
        self.assertNotIsInstance(a, B.class, C.class);
    }

    /** An error with assertNotIsInstance. */
    @Test
    public void test_assertNotIsInstanceError() {
        A a = new A();
        FailTest error = self.assertRaises(
                FailTest.class, () -> self.assertNotIsInstance(a, A.class));
        self.assertEqual(error.getMessage(), a + " is an instance of " + A.class);
    }

    /** An error with assertNotIsInstance and multiple classes. */
    @Test
    public void test_assertNotIsInstanceErrorMultipleClasses() {
        A a = new A();
        self.assertRaises(FailTest.class, () -> self.assertNotIsInstance(a, A.class, B.class));
    }
}
