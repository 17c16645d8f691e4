package dev.twj.internet.ssl;

import dev.twj.internet.interfaces.IOpenSSLTrustRoot;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The functions of {@code twisted.internet.ssl}: client options with hostname verification and
 * trust roots.
 */
public final class Ssl {
    private Ssl() {}

    /**
     * Returns client options that connect to {@code hostname}, trusting the platform's
     * authorities and presenting no certificate. Port of {@code optionsForClientTLS(hostname)}.
     */
    public static ClientTLSOptions optionsForClientTLS(String hostname) {
        return optionsForClientTLS(hostname, null, null);
    }

    /**
     * Returns client options that connect to {@code hostname}: the server's certificate must
     * name it and chain to {@code trustRoot}. Port of {@code twisted.internet.ssl.optionsForClientTLS}.
     *
     * @param hostname the server's DNS name or IP address, as its certificate must name it
     * @param trustRoot the authorities to trust, or null for {@link #platformTrust()}; a
     *     {@link Certificate} trusts itself
     * @param clientCertificate the identity to present if the server asks, or null
     */
    public static ClientTLSOptions optionsForClientTLS(
            String hostname, IOpenSSLTrustRoot trustRoot, PrivateCertificate clientCertificate) {
        CertificateOptions options = new CertificateOptions(
                clientCertificate == null ? null : clientCertificate.privateKey(),
                clientCertificate == null ? null : clientCertificate.original(),
                true, List.of(), true, trustRoot == null ? platformTrust() : trustRoot);
        return new ClientTLSOptions(hostname, options.getContext());
    }

    /**
     * Returns the platform's trust roots: the JDK's {@code cacerts} (or what
     * {@code javax.net.ssl.trustStore} names). Port of {@code twisted.internet.ssl.platformTrust}.
     */
    public static IOpenSSLTrustRoot platformTrust() {
        return () -> trustManagers(null);
    }

    /**
     * Returns a trust root that trusts exactly {@code certificates}. Port of
     * {@code twisted.internet.ssl.trustRootFromCertificates}.
     */
    public static IOpenSSLTrustRoot trustRootFromCertificates(Certificate... certificates) {
        List<Certificate> certs = List.of(certificates);
        return () -> {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                int i = 0;
                for (Certificate c : certs) {
                    ks.setCertificateEntry("ca" + i++, c.original());
                }
                return trustManagers(ks);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot build trust store: " + e.getMessage(), e);
            }
        };
    }

    private static TrustManager[] trustManagers(KeyStore ks) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build trust managers: " + e.getMessage(), e);
        }
    }
}
