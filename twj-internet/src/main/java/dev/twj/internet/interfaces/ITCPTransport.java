package dev.twj.internet.interfaces;

/**
 * A TCP based transport. Port of {@code twisted.internet.interfaces.ITCPTransport}.
 */
public interface ITCPTransport extends ITransport {
    /**
     * Half-closes the write side of the connection once pending data is written; the protocol
     * must implement {@link IHalfCloseableProtocol} to keep reading afterwards.
     */
    void loseWriteConnection();

    /** Closes the connection at once, discarding any buffered data. */
    void abortConnection();

    /** Returns true if TCP_NODELAY is enabled. */
    boolean getTcpNoDelay();

    /** Enables or disables TCP_NODELAY (Nagle's algorithm off when enabled). */
    void setTcpNoDelay(boolean enabled);

    /** Returns true if SO_KEEPALIVE is enabled. */
    boolean getTcpKeepAlive();

    /** Enables or disables SO_KEEPALIVE. */
    void setTcpKeepAlive(boolean enabled);
}
