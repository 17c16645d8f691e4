package dev.twj.internet.ssl;

import dev.twj.internet.interfaces.IOpenSSLTrustRoot;
import dev.twj.internet.interfaces.ISSLTransport;
import dev.twj.internet.interfaces.ITransport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.TrustManager;

/**
 * An X.509 certificate: the public half of an identity. Port of
 * {@code twisted.internet.ssl.Certificate}.
 *
 * <p>As in Twisted, a certificate is also a trust root ({@link IOpenSSLTrustRoot}) that trusts
 * itself: pass a self-signed certificate or a CA certificate to
 * {@link Ssl#optionsForClientTLS(String, IOpenSSLTrustRoot, PrivateCertificate)}. Differences from
 * Twisted: the certificate is a JSSE {@link X509Certificate} ({@link #original()}), not a pyOpenSSL
 * {@code X509}; the {@code DistinguishedName} accessors are not ported (use
 * {@code original().getSubjectX500Principal()}).
 */
public class Certificate implements IOpenSSLTrustRoot {
    private final X509Certificate original;

    /** Wraps {@code original}. */
    public Certificate(X509Certificate original) {
        this.original = Objects.requireNonNull(original, "original");
    }

    /** Returns the wrapped JSSE certificate. */
    public X509Certificate original() {
        return original;
    }

    /**
     * Loads a certificate from PEM text ({@code -----BEGIN CERTIFICATE-----} ...).
     *
     * @throws IllegalArgumentException if {@code data} holds no valid certificate
     */
    public static Certificate loadPEM(String data) {
        return new Certificate(parseCertificate(data));
    }

    static X509Certificate parseCertificate(String data) {
        int begin = data.indexOf("-----BEGIN CERTIFICATE-----");
        int end = data.indexOf("-----END CERTIFICATE-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no -----BEGIN CERTIFICATE----- block in PEM data");
        }
        String block = data.substring(begin, end + "-----END CERTIFICATE-----".length());
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid certificate: " + e.getMessage(), e);
        }
    }

    /** Returns this certificate as PEM text. */
    public String dumpPEM() {
        try {
            return pem("CERTIFICATE", original.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * Returns the certificate the peer of {@code transport} presented.
     *
     * @throws IllegalArgumentException if the transport is not TLS or the peer sent no certificate
     */
    public static Certificate peerFromTransport(ITransport transport) {
        if (!(transport instanceof ISSLTransport ssl)) {
            throw new IllegalArgumentException("transport " + transport + " is not an ISSLTransport");
        }
        java.security.cert.Certificate cert = ssl.getPeerCertificate();
        if (!(cert instanceof X509Certificate x509)) {
            throw new IllegalArgumentException("TLS peer of " + transport + " presented no X.509 certificate");
        }
        return new Certificate(x509);
    }

    /** Returns the distinguished name of the subject, e.g. {@code "CN=example.com"}. */
    public String getSubject() {
        return original.getSubjectX500Principal().getName();
    }

    /** Returns the distinguished name of the issuer. */
    public String getIssuer() {
        return original.getIssuerX500Principal().getName();
    }

    /** Trusts exactly this certificate (as a CA or as a self-signed peer certificate). */
    @Override
    public TrustManager[] trustManagers() {
        return Ssl.trustRootFromCertificates(this).trustManagers();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && c.getClass() == getClass() && c.original.equals(original);
    }

    @Override
    public int hashCode() {
        return original.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{subject=" + getSubject() + ", issuer=" + getIssuer() + "}";
    }
}
