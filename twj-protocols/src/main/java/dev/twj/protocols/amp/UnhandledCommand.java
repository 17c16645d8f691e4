package dev.twj.protocols.amp;

/**
 * A command received via AMP could not be dispatched.
 *
 * <p>Port of {@code twisted.protocols.amp.UnhandledCommand}. A caller receives it when the
 * peer answers with the {@link Amp#UNHANDLED_ERROR_CODE} error code; then {@link #errorCode}
 * and {@link #description} hold what the peer sent.
 */
public class UnhandledCommand extends AmpError {
    private static final long serialVersionUID = 1L;

    /** The error code received, or null when raised locally. */
    public final String errorCode;

    /** The description received, or null when raised locally. */
    public final String description;

    /** Creates the error raised locally for a command with no responder. */
    public UnhandledCommand() {
        this.errorCode = null;
        this.description = null;
    }

    /** Creates the error for an {@code UNHANDLED} error box from the peer. */
    public UnhandledCommand(String errorCode, String description) {
        super(description);
        this.errorCode = errorCode;
        this.description = description;
    }
}
