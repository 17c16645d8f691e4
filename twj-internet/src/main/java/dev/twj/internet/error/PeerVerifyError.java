package dev.twj.internet.error;

/**
 * The peer rejected our verify error. Port of {@code twisted.internet.error.PeerVerifyError}
 * (whose docstring says exactly that); AMP reports it when a connection closes right after
 * starting TLS.
 */
public class PeerVerifyError extends VerifyError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with {@code message}. */
    public PeerVerifyError(String message) {
        super(message);
    }
}
