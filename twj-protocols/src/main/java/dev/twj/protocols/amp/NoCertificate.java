package dev.twj.protocols.amp;

import dev.twj.internet.ssl.Certificate;
import dev.twj.internet.ssl.CertificateOptions;
import dev.twj.internet.ssl.PrivateCertificate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The local "certificate" of a StartTLS peer that gave none. Port of
 * {@code twisted.protocols.amp._NoCertificate}.
 *
 * <p>A client truly has no certificate (and verifies the server only if it was given
 * authorities). A server must present one, so, as in Twisted, it generates a temporary
 * self-signed certificate for {@code CN=TEMPORARY CERTIFICATE}: an EC P-256 key, encoded here
 * with a few lines of DER because the JDK has no public certificate builder.
 */
final class NoCertificate {
    private final boolean client;

    /** Creates the stand-in for the client side ({@code true}) or the server side. */
    NoCertificate(boolean client) {
        this.client = client;
    }

    /** Behaves like {@link PrivateCertificate#options}. */
    CertificateOptions options(Certificate... authorities) {
        if (!client) {
            return temporarySelfSigned().options(authorities);
        }
        if (authorities.length > 0) {
            return new CertificateOptions(null, null, true, List.of(authorities), true, null);
        }
        return new CertificateOptions();
    }

    @Override
    public String toString() {
        return "NoCertificate{" + (client ? "client" : "server") + "}";
    }

    /** Generates a self-signed certificate for {@code CN=TEMPORARY CERTIFICATE}, valid one day. */
    static PrivateCertificate temporarySelfSigned() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            byte[] ecdsaWithSha256 = der(0x30, der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02}));
            byte[] name = der(0x30, der(0x31, der(0x30, concat(der(0x06, new byte[] {0x55, 0x04, 0x03}),
                    der(0x0c, "TEMPORARY CERTIFICATE".getBytes(StandardCharsets.UTF_8))))));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            DateTimeFormatter utcTime = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
            byte[] validity = der(0x30, concat(
                    der(0x17, utcTime.format(now.minusHours(1)).getBytes(StandardCharsets.US_ASCII)),
                    der(0x17, utcTime.format(now.plusDays(1)).getBytes(StandardCharsets.US_ASCII))));
            byte[] serial = der(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray());
            byte[] version = der(0xa0, der(0x02, new byte[] {2}));
            byte[] tbs = der(0x30, concat(version, serial, ecdsaWithSha256, name, validity, name,
                    kp.getPublic().getEncoded()));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(kp.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] cert = der(0x30, concat(tbs, ecdsaWithSha256, der(0x03, bitString)));
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cert));
            return new PrivateCertificate(x509, kp.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a temporary certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
