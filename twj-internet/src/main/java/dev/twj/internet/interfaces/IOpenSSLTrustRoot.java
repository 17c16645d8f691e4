package dev.twj.internet.interfaces;

import javax.net.ssl.TrustManager;

/**
 * The certificate authorities a TLS client (or a server verifying clients) trusts. Port of
 * {@code twisted.internet.interfaces.IOpenSSLTrustRoot}; where Twisted adds CA certificates to
 * an OpenSSL context, twj supplies the JSSE trust managers.
 */
public interface IOpenSSLTrustRoot {
    /** Returns the trust managers that verify the peer's certificate chain. */
    TrustManager[] trustManagers();
}
