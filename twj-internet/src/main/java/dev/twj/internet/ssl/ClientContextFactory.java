package dev.twj.internet.ssl;

import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import javax.net.ssl.SSLEngine;

/**
 * A context factory for TLS clients that verifies nothing. Port of
 * {@code twisted.internet.ssl.ClientContextFactory}.
 *
 * <p>As in Twisted this factory checks neither the server's certificate chain nor its name, so
 * it protects against passive eavesdroppers only; use {@link Ssl#optionsForClientTLS} for
 * connections that must reach the right server.
 */
public final class ClientContextFactory implements IOpenSSLClientConnectionCreator {
    private final CertificateOptions options = new CertificateOptions();

    /** Creates the factory. */
    public ClientContextFactory() {}

    /** Creates a client engine that accepts any server certificate. */
    @Override
    public SSLEngine clientConnectionForTLS(Object tlsProtocol) {
        return options.clientConnectionForTLS(tlsProtocol);
    }
}
