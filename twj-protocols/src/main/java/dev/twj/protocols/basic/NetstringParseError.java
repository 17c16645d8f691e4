package dev.twj.protocols.basic;

/**
 * The incoming data is not in valid Netstring format. Port of
 * {@code twisted.protocols.basic.NetstringParseError} (a {@code ValueError} in Twisted, an
 * {@link IllegalArgumentException} here).
 */
public class NetstringParseError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with a message saying what is wrong with the netstring. */
    public NetstringParseError(String message) {
        super(message);
    }
}
