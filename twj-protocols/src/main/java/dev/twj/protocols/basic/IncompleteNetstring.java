package dev.twj.protocols.basic;

/**
 * Not enough data to complete a netstring. Port of
 * {@code twisted.protocols.basic.IncompleteNetstring}.
 *
 * <p>Twisted's parser raises it internally to wait for more data; twj's {@link NetstringReceiver}
 * signals that with return values instead, so nothing throws it. It is kept for code that
 * names it.
 */
public class IncompleteNetstring extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error. */
    public IncompleteNetstring() {}
}
