package dev.twj.internet.interfaces;

/**
 * A TCP transport that can switch to TLS in the middle of a connection. Port of
 * {@code twisted.internet.interfaces.ITLSTransport}.
 */
public interface ITLSTransport extends ITCPTransport {
    /**
     * Starts TLS on this connection: bytes written before this call go out in clear text, bytes
     * written afterwards are encrypted.
     *
     * <p>Differences from Twisted: {@code contextFactory} must implement
     * {@link IOpenSSLClientConnectionCreator} when this side is the TLS client (the connecting
     * side, by default) and {@link IOpenSSLServerConnectionCreator} when it is the server (the
     * accepting side); {@code dev.twj.internet.ssl.CertificateOptions} implements both.
     *
     * @param contextFactory creates the TLS state of this connection
     * @throws IllegalArgumentException if {@code contextFactory} does not create the needed side
     * @throws UnsupportedOperationException if no TLS implementation (twj-protocols) is present
     */
    void startTLS(Object contextFactory);
}
