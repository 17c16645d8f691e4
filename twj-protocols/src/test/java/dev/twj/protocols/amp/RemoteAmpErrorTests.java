package dev.twj.protocols.amp;

import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.regex.Pattern;

/** Port of {@code RemoteAmpErrorTests}. */
class RemoteAmpErrorTests extends SynchronousTestCase {
    /** The error code and description are rendered into the message. */
    public void test_stringMessage() {
        RemoteAmpError error = new RemoteAmpError("BROKEN", "Something has broken");
        assertEqual(error.getMessage(), "Code<BROKEN>: Something has broken");
    }

    /** Non-ASCII bytes of the error code are rendered as backslash-escape sequences. */
    public void test_stringMessageReplacesNonAsciiText() {
        RemoteAmpError error = new RemoteAmpError("BROKEN-\u00ff", "Something has broken");
        assertEqual(error.getMessage(), "Code<BROKEN-\\xff>: Something has broken");
    }

    /**
     * Local errors are rendered with a "(local)" marker and a brief traceback (twj's brief
     * traceback format: {@code Traceback: <class 'T'>: message}).
     */
    public void test_stringMessageWithLocalFailure() {
        Failure failure = new Failure(new Exception("Something came loose"));
        RemoteAmpError error = new RemoteAmpError("BROKEN", "Something has broken", false, failure);
        assertTrue(Pattern.compile("^Code<BROKEN> [(]local[)]: Something has broken\n"
                + "Traceback: <class '.+Exception'>: Something came loose\n").matcher(error.getMessage()).find(),
                error.getMessage());
    }
}
