package dev.twj.internet.error;

/**
 * Raised by {@code cancel}, {@code reset} or {@code delay} of an
 * {@link dev.twj.internet.interfaces.IDelayedCall} that has already run.
 *
 * <p>Port of {@code twisted.internet.error.AlreadyCalled}. Twisted derives it from {@code ValueError}; here
 * it extends {@link IllegalArgumentException}, twj's spelling of {@code ValueError}. The message
 * is Twisted's {@code str()}: {@code "Tried to cancel an already-called event."}, or
 * {@code "Tried to cancel an already-called event: <detail>."} when a detail is given.
 */
public class AlreadyCalled extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Twisted's {@code MESSAGE}, also the class docstring there. */
    public static final String MESSAGE = "Tried to cancel an already-called event";

    /** Creates the error with Twisted's message. */
    public AlreadyCalled() {
        super(MESSAGE + ".");
    }

    /** Creates the error with Twisted's message followed by {@code detail}. */
    public AlreadyCalled(String detail) {
        super(MESSAGE + ": " + detail + ".");
    }
}
