package dev.twj.internet.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link FirstError}: port of {@code twisted.test.test_defer.FirstErrorTests}.
 *
 * <p>Python's {@code repr} is {@code toString()} and Python's {@code str} is {@code getMessage()};
 * Python's {@code ValueError} is {@link IllegalArgumentException} and {@code ZeroDivisionError}
 * is {@link ArithmeticException}.
 */
class FirstErrorTests {
    /**
     * The repr of a FirstError instance includes the repr of the value of the sub-failure and the
     * index which corresponds to the FirstError.
     */
    @Test
    public void test_repr() {
        IllegalArgumentException exc = new IllegalArgumentException("some text");
        Failure f;
        try {
            throw exc;
        } catch (IllegalArgumentException e) {
            f = new Failure(e);
        }

        FirstError error = new FirstError(f, 3);
        assertEquals("FirstError[#3, " + exc + "]", error.toString());
    }

    /**
     * The str of a FirstError instance includes the str of the sub-failure and the index which
     * corresponds to the FirstError.
     */
    @Test
    public void test_str() {
        IllegalArgumentException exc = new IllegalArgumentException("some text");
        Failure f;
        try {
            throw exc;
        } catch (IllegalArgumentException e) {
            f = new Failure(e);
        }

        FirstError error = new FirstError(f, 5);
        assertEquals("FirstError[#5, " + f + "]", error.getMessage());
    }

    /**
     * FirstError instances compare equal to each other if and only if their failure and index
     * compare equal. FirstError instances do not compare equal to instances of other types.
     */
    @Test
    public void test_comparison() {
        Failure firstFailure = null;
        int zero = 0;
        try {
            zero = 1 / zero;
        } catch (ArithmeticException e) {
            firstFailure = new Failure(e);
        }
        assertNotNull(firstFailure);

        FirstError one = new FirstError(firstFailure, 13);
        FirstError anotherOne = new FirstError(firstFailure, 13);

        Failure secondFailure;
        try {
            throw new IllegalArgumentException("bar");
        } catch (IllegalArgumentException e) {
            secondFailure = new Failure(e);
        }

        FirstError another = new FirstError(secondFailure, 9);

        assertTrue(one.equals(anotherOne));
        assertFalse(one.equals(another));
        assertTrue(!one.equals(another));
        assertFalse(!one.equals(anotherOne));

        assertFalse(one.equals(Integer.valueOf(10)));
    }
}
