package dev.twj.protocols.amp;

/**
 * The wire-level protocol was malformed: a box lacks a key AMP needs, answers an unknown tag, or an argument's bytes cannot be parsed.
 *
 * <p>Port of {@code twisted.protocols.amp.MalformedAmpBox}.
 */
public class MalformedAmpBox extends AmpError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public MalformedAmpBox() {
        super();
    }

    /** Creates the error with {@code message}. */
    public MalformedAmpBox(String message) {
        super(message);
    }
}
