package dev.twj.internet.interfaces;

/**
 * Implemented to indicate that a protocol supports half-closed connections. Port of
 * {@code twisted.internet.interfaces.IHalfCloseableProtocol}.
 */
public interface IHalfCloseableProtocol {
    /**
     * Notification of the read side of the connection closing: the peer called
     * {@code loseWriteConnection} or shut down its output. The protocol may still write.
     */
    void readConnectionLost();

    /** Notification of the write side of the connection closing (after loseWriteConnection). */
    void writeConnectionLost();
}
