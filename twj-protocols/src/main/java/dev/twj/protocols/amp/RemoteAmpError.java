package dev.twj.protocols.amp;

import dev.twj.python.failure.Failure;

/**
 * Something went wrong on the remote end of the connection, and the error was serialized and
 * transmitted to you.
 *
 * <p>Port of {@code twisted.protocols.amp.RemoteAmpError}. The error code is a {@code String}
 * whose characters are the wire bytes (ISO-8859-1), like every AMP key; the message escapes
 * bytes above 0x7f as {@code \xNN}, as Twisted does.
 */
public class RemoteAmpError extends AmpError {
    private static final long serialVersionUID = 1L;

    /** The AMP error code of this error. */
    public final String errorCode;

    /** Some text to show to the user. */
    public final String description;

    /** True if this error should terminate the connection. */
    public final boolean fatal;

    /** A local failure, if one exists. */
    public final transient Failure local;

    /** Creates a non-fatal remote error with no local failure. */
    public RemoteAmpError(String errorCode, String description) {
        this(errorCode, description, false, null);
    }

    /**
     * Creates a remote error with an error code and description.
     *
     * @param errorCode the AMP error code of this error
     * @param description some text to show to the user
     * @param fatal true if this error should terminate the connection
     * @param local a local failure, if one exists
     */
    public RemoteAmpError(String errorCode, String description, boolean fatal, Failure local) {
        super(message(errorCode, description, local));
        this.errorCode = errorCode;
        this.description = description;
        this.fatal = fatal;
        this.local = local;
    }

    private static String message(String errorCode, String description, Failure local) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < errorCode.length(); i++) {
            char c = errorCode.charAt(i);
            if (c >= 0x80) {
                code.append(String.format("\\x%2x", (int) c));
            } else {
                code.append(c);
            }
        }
        if (local != null) {
            return "Code<" + code + "> (local): " + description + "\n" + local.getBriefTraceback();
        }
        return "Code<" + code + ">: " + description;
    }
}
