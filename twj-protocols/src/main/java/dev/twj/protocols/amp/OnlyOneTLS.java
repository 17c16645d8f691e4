package dev.twj.protocols.amp;

/**
 * TLS may only be started once per connection (an implementation limitation): raised by a
 * second {@link StartTLS}.
 *
 * <p>Port of {@code twisted.protocols.amp.OnlyOneTLS}.
 */
public class OnlyOneTLS extends AmpError {
    private static final long serialVersionUID = 1L;

    /** Creates the error with no message. */
    public OnlyOneTLS() {
        super();
    }

    /** Creates the error with {@code message}. */
    public OnlyOneTLS(String message) {
        super(message);
    }
}
