package dev.twj.protocols.amp;

/**
 * Connections which have been switched to other protocols can no longer accept traffic at the AMP level; raised when you try to send it.
 *
 * <p>Port of {@code twisted.protocols.amp.ProtocolSwitched}.
 */
public class ProtocolSwitched extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public ProtocolSwitched() {
        super();
    }

    /** Creates the error with {@code message}. */
    public ProtocolSwitched(String message) {
        super(message);
    }
}
