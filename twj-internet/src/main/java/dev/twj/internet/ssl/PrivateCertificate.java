package dev.twj.internet.ssl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A certificate with its private key: an identity a TLS server (or a client authenticating
 * itself) presents. Port of {@code twisted.internet.ssl.PrivateCertificate}.
 *
 * <p>Differences from Twisted: the key is a JSSE {@link PrivateKey}; PEM keys must be PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}, RSA, EC or EdDSA), as the JDK cannot read the older
 * OpenSSL-specific formats ({@code BEGIN RSA PRIVATE KEY}); convert them with
 * {@code openssl pkcs8 -topk8 -nocrypt}.
 */
public final class PrivateCertificate extends Certificate {
    private final PrivateKey privateKey;

    /** Pairs {@code certificate} with its {@code privateKey}. */
    public PrivateCertificate(X509Certificate certificate, PrivateKey privateKey) {
        super(certificate);
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Returns the private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Loads a certificate and its key from PEM text that holds both (in either order).
     *
     * @throws IllegalArgumentException if either is missing or invalid
     */
    public static PrivateCertificate loadPEM(String data) {
        return new PrivateCertificate(parseCertificate(data), parsePrivateKey(data));
    }

    /**
     * Loads the entry {@code alias} of {@code keyStore} (e.g. a PKCS#12 file).
     *
     * @throws IllegalArgumentException if the entry is missing or is not a key with a certificate
     */
    public static PrivateCertificate fromKeyStore(KeyStore keyStore, String alias, char[] password) {
        try {
            if (keyStore.getKey(alias, password) instanceof PrivateKey key
                    && keyStore.getCertificate(alias) instanceof X509Certificate cert) {
                return new PrivateCertificate(cert, key);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read key store entry " + alias + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("key store has no private key entry " + alias);
    }

    static PrivateKey parsePrivateKey(String data) {
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int b = data.indexOf(begin);
        int e = data.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("no " + begin + " block (PKCS#8) in PEM data");
        }
        byte[] der = Base64.getMimeDecoder().decode(
                data.substring(b + begin.length(), e).getBytes(StandardCharsets.US_ASCII));
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "EdDSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException ignored) {
                // Try the next algorithm.
            }
        }
        throw new IllegalArgumentException("private key is not an RSA, EC or EdDSA PKCS#8 key");
    }

    /** Returns the certificate followed by the key, both as PEM text. */
    @Override
    public String dumpPEM() {
        return super.dumpPEM() + pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * Returns TLS options that present this certificate and, if {@code authorities} are given,
     * require and verify the peer's certificate against them. Port of
     * {@code PrivateCertificate.options}.
     */
    public CertificateOptions options(Certificate... authorities) {
        return new CertificateOptions(privateKey, original(), authorities.length > 0,
                Arrays.asList(authorities), true, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateCertificate p && p.original().equals(original()) && p.privateKey.equals(privateKey);
    }

    @Override
    public int hashCode() {
        return original().hashCode();
    }
}
