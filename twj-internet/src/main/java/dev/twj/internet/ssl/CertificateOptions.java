package dev.twj.internet.ssl;

import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import dev.twj.internet.interfaces.IOpenSSLServerConnectionCreator;
import dev.twj.internet.interfaces.IOpenSSLTrustRoot;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS settings for either side of a connection: the identity to present and how to verify the
 * peer. Port of {@code twisted.internet.ssl.CertificateOptions}.
 *
 * <p>Creates server engines ({@link IOpenSSLServerConnectionCreator}) and, with no hostname
 * check, client engines ({@link IOpenSSLClientConnectionCreator}); a client should rather use
 * {@link Ssl#optionsForClientTLS}, which checks the server's hostname.
 *
 * <p>As in Twisted: with {@code verify} false the peer's certificate is not verified at all (a
 * client accepts any server); with {@code verify} true the peer's chain must lead to
 * {@code trustRoot}, or to one of {@code caCerts} when {@code trustRoot} is null, and a server
 * asks for a client certificate (and requires one if {@code requireCertificate}). Differences
 * from Twisted: no {@code method}/{@code raiseMinimumTo}/cipher/DH/session/ALPN arguments; the
 * JDK's defaults (TLS 1.2 and 1.3) apply. The {@link SSLContext} is built once, lazily.
 */
public final class CertificateOptions implements IOpenSSLServerConnectionCreator, IOpenSSLClientConnectionCreator {
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final boolean verify;
    private final List<Certificate> caCerts;
    private final boolean requireCertificate;
    private final IOpenSSLTrustRoot trustRoot;
    private SSLContext context;

    /** Options with no identity and no verification: a client that trusts any server. */
    public CertificateOptions() {
        this(null, null, false, List.of(), true, null);
    }

    /** Options presenting {@code certificate} (with its {@code privateKey}), verifying nothing. */
    public CertificateOptions(PrivateKey privateKey, X509Certificate certificate) {
        this(privateKey, certificate, false, List.of(), true, null);
    }

    /**
     * Creates options.
     *
     * @param privateKey the key of {@code certificate}, or null to present no certificate
     * @param certificate the certificate to present, or null
     * @param verify whether to verify the peer's certificate
     * @param caCerts the authorities to verify against when {@code trustRoot} is null
     * @param requireCertificate for a verifying server: whether a client certificate is required
     * @param trustRoot the authorities to verify against, or null to use {@code caCerts}
     * @throws IllegalArgumentException if only one of key and certificate is given, or if
     *     {@code verify} and the authorities disagree (Twisted's {@code ValueError})
     */
    public CertificateOptions(PrivateKey privateKey, X509Certificate certificate, boolean verify,
            List<Certificate> caCerts, boolean requireCertificate, IOpenSSLTrustRoot trustRoot) {
        if ((privateKey == null) != (certificate == null)) {
            throw new IllegalArgumentException("Specify neither or both of privateKey and certificate");
        }
        if (verify && caCerts.isEmpty() && trustRoot == null) {
            throw new IllegalArgumentException(
                    "Specify client CA certificate information if and only if enabling certificate verification");
        }
        if (!verify && !caCerts.isEmpty()) {
            throw new IllegalArgumentException(
                    "Specify client CA certificate information if and only if enabling certificate verification");
        }
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.verify = verify;
        this.caCerts = List.copyOf(caCerts);
        this.requireCertificate = requireCertificate;
        this.trustRoot = trustRoot;
    }

    /**
     * Options presenting the key entry {@code alias} of {@code keyStore}, verifying nothing.
     *
     * @throws IllegalArgumentException if the entry is missing
     */
    public static CertificateOptions fromKeyStore(KeyStore keyStore, String alias, char[] password) {
        PrivateCertificate pc = PrivateCertificate.fromKeyStore(keyStore, alias, password);
        return new CertificateOptions(pc.privateKey(), pc.original());
    }

    /** Returns (building it the first time) the JSSE context these options describe. */
    public synchronized SSLContext getContext() {
        if (context == null) {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(keyManagers(), trustManagers(), null);
                context = ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot create TLS context: " + e.getMessage(), e);
            }
        }
        return context;
    }

    private KeyManager[] keyManagers() throws GeneralSecurityException {
        if (privateKey == null) {
            return null;
        }
        try {
            char[] password = new char[0];
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("twj", privateKey, password, new java.security.cert.Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            return kmf.getKeyManagers();
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private TrustManager[] trustManagers() {
        if (!verify) {
            return new TrustManager[] {new TrustEverything()};
        }
        if (trustRoot != null) {
            return trustRoot.trustManagers();
        }
        if (caCerts.size() == 1) {
            // A Certificate is its own trust root; a subclass may verify differently.
            return caCerts.get(0).trustManagers();
        }
        return Ssl.trustRootFromCertificates(caCerts.toArray(Certificate[]::new)).trustManagers();
    }

    /** Creates a server-mode engine. */
    @Override
    public SSLEngine serverConnectionForTLS(Object tlsProtocol) {
        SSLEngine engine = getContext().createSSLEngine();
        engine.setUseClientMode(false);
        if (verify) {
            if (requireCertificate) {
                engine.setNeedClientAuth(true);
            } else {
                engine.setWantClientAuth(true);
            }
        }
        return engine;
    }

    /** Creates a client-mode engine, which checks no hostname. */
    @Override
    public SSLEngine clientConnectionForTLS(Object tlsProtocol) {
        SSLEngine engine = getContext().createSSLEngine();
        engine.setUseClientMode(true);
        return engine;
    }

    @Override
    public String toString() {
        return "CertificateOptions{certificate=" + (certificate == null ? "none" : certificate.getSubjectX500Principal())
                + ", verify=" + verify + "}";
    }

    /** Twisted's {@code verify=False}: accepts every peer. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
