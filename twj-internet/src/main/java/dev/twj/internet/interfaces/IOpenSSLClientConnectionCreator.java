package dev.twj.internet.interfaces;

import javax.net.ssl.SSLEngine;

/**
 * Creates the TLS state of a client connection. Port of
 * {@code twisted.internet.interfaces.IOpenSSLClientConnectionCreator}; where Twisted returns a
 * pyOpenSSL {@code Connection}, twj returns a JSSE {@link SSLEngine} in client mode.
 */
public interface IOpenSSLClientConnectionCreator {
    /**
     * Creates the engine for one connection.
     *
     * @param tlsProtocol the protocol that will drive the engine, for creators that need it
     */
    SSLEngine clientConnectionForTLS(Object tlsProtocol);
}
