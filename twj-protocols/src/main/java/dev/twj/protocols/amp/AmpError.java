package dev.twj.protocols.amp;

/**
 * Base class of all AMP-related exceptions.
 *
 * <p>Port of {@code twisted.protocols.amp.AmpError}.
 */
public class AmpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public AmpError() {
        super();
    }

    /** Creates the error with {@code message}. */
    public AmpError(String message) {
        super(message);
    }
}
