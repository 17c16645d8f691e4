package dev.twj.protocols.basic;

/**
 * Raised when trying to send a string too long for a length prefixed protocol. Port of
 * {@code twisted.protocols.basic.StringTooLongError}, which is an {@code AssertionError} in
 * Twisted and therefore a {@link java.lang.AssertionError} here.
 */
public class StringTooLongError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with a message naming the length and the maximum. */
    public StringTooLongError(String message) {
        super(message);
    }
}
