package dev.twj.protocols.amp;

import dev.twj.python.failure.Failure;

/**
 * A bad value was returned from a local command; we were unable to coerce it.
 *
 * <p>Port of {@code twisted.protocols.amp.BadLocalReturn}.
 */
public class BadLocalReturn extends AmpError {
    private static final long serialVersionUID = 1L;

    /** The failure raised while serializing the returned value. */
    public final transient Failure enclosed;

    /** Creates the error with {@code message} and the serialization failure. */
    public BadLocalReturn(String message, Failure enclosed) {
        super(message + " " + enclosed.getBriefTraceback());
        this.enclosed = enclosed;
    }
}
