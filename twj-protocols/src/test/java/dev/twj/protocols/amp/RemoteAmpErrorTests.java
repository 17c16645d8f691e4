package dev.twj.protocols.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Port of {@code RemoteAmpErrorTests}. */
class RemoteAmpErrorTests {
    /** The error code and description are rendered into the message. */
    @Test
    public void test_stringMessage() {
        RemoteAmpError error = new RemoteAmpError("BROKEN", "Something has broken");
        assertEquals("Code<BROKEN>: Something has broken", error.getMessage());
    }

    /** Non-ASCII bytes of the error code are rendered as backslash-escape sequences. */
    @Test
    public void test_stringMessageReplacesNonAsciiText() {
        RemoteAmpError error = new RemoteAmpError("BROKEN-\u00ff", "Something has broken");
        assertEquals("Code<BROKEN-\\xff>: Something has broken", error.getMessage());
    }

    /**
     * Local errors are rendered with a "(local)" marker and a brief traceback (twj's brief
     * traceback format: {@code Traceback: <class 'T'>: message}).
     */
    @Test
    public void test_stringMessageWithLocalFailure() {
        Failure failure = new Failure(new Exception("Something came loose"));
        RemoteAmpError error = new RemoteAmpError("BROKEN", "Something has broken", false, failure);
        assertTrue(Pattern.compile("^Code<BROKEN> [(]local[)]: Something has broken\n"
                + "Traceback: <class '.+Exception'>: Something came loose\n").matcher(error.getMessage()).find(),
                error.getMessage());
    }
}
