package dev.twj.protocols.amp;

/**
 * You can't have empty boxes on the connection: raised when you receive or attempt to send one.
 *
 * <p>Port of {@code twisted.protocols.amp.NoEmptyBoxes}.
 */
public class NoEmptyBoxes extends AmpError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public NoEmptyBoxes() {
        super();
    }

    /** Creates the error with {@code message}. */
    public NoEmptyBoxes(String message) {
        super(message);
    }
}
