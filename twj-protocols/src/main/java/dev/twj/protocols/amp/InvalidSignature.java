package dev.twj.protocols.amp;

/**
 * You didn't pass all the required arguments, or passed one the command does not declare.
 *
 * <p>Port of {@code twisted.protocols.amp.InvalidSignature}.
 */
public class InvalidSignature extends AmpError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public InvalidSignature() {
        super();
    }

    /** Creates the error with {@code message}. */
    public InvalidSignature(String message) {
        super(message);
    }
}
