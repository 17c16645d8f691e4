package dev.twj.protocols.amp;

/**
 * An error whose type we can't identify was raised from the other side.
 *
 * <p>Port of {@code twisted.protocols.amp.UnknownRemoteError}: its code is
 * {@link Amp#UNKNOWN_ERROR_CODE}.
 */
public class UnknownRemoteError extends RemoteAmpError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with the remote {@code description}. */
    public UnknownRemoteError(String description) {
        super(Amp.UNKNOWN_ERROR_CODE, description);
    }
}
