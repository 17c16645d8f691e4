package dev.twj.internet.error;

/**
 * A message is too long to send. Port of {@code twisted.internet.error.MessageLengthError}.
 */
public class MessageLengthError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The fixed part of the message. */
    public static final String MESSAGE = "Message is too long to send";

    /**
     * Creates the error with details, as Twisted's exception arguments.
     *
     * @param args shown after the message, joined with spaces
     */
    public MessageLengthError(String... args) {
        super(args.length == 0 ? MESSAGE + "." : MESSAGE + ": " + String.join(" ", args) + ".");
    }
}
