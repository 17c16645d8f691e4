package dev.twj.internet.error;

/**
 * Could not verify something that was supposed to be signed. Port of
 * {@code twisted.internet.error.VerifyError}.
 */
public class VerifyError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with {@code message}. */
    public VerifyError(String message) {
        super(message);
    }
}
