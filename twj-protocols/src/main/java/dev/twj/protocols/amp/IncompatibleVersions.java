package dev.twj.protocols.amp;

/**
 * It was impossible to negotiate a compatible version of the protocol with the other end of the connection.
 *
 * <p>Port of {@code twisted.protocols.amp.IncompatibleVersions}.
 */
public class IncompatibleVersions extends AmpError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public IncompatibleVersions() {
        super();
    }

    /** Creates the error with {@code message}. */
    public IncompatibleVersions(String message) {
        super(message);
    }
}
