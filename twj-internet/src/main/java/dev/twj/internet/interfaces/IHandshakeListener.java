package dev.twj.internet.interfaces;

/**
 * A protocol that wants to know when the TLS handshake of its connection has completed. Port of
 * {@code twisted.internet.interfaces.IHandshakeListener}.
 */
public interface IHandshakeListener {
    /** Called (once) when the TLS handshake has completed successfully. */
    void handshakeCompleted();
}
