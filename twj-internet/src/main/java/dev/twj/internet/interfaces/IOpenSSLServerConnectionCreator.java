package dev.twj.internet.interfaces;

import javax.net.ssl.SSLEngine;

/**
 * Creates the TLS state of a server connection. Port of
 * {@code twisted.internet.interfaces.IOpenSSLServerConnectionCreator}; where Twisted returns a
 * pyOpenSSL {@code Connection}, twj returns a JSSE {@link SSLEngine} in server mode.
 */
public interface IOpenSSLServerConnectionCreator {
    /**
     * Creates the engine for one connection.
     *
     * @param tlsProtocol the protocol that will drive the engine, for creators that need it
     */
    SSLEngine serverConnectionForTLS(Object tlsProtocol);
}
