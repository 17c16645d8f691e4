package dev.twj.internet.interfaces;

import java.security.cert.Certificate;

/**
 * A TCP transport that encrypts its traffic with TLS. Port of
 * {@code twisted.internet.interfaces.ISSLTransport}.
 */
public interface ISSLTransport extends ITCPTransport {
    /**
     * Returns the certificate the peer presented, or null if it presented none (or the handshake
     * has not finished yet). Where Twisted returns a pyOpenSSL {@code X509}, twj returns the JSSE
     * certificate (an {@link java.security.cert.X509Certificate} in practice).
     */
    Certificate getPeerCertificate();
}
