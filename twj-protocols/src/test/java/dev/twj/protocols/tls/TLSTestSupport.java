package dev.twj.protocols.tls;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.ssl.Certificate;
import dev.twj.internet.ssl.PrivateCertificate;
import dev.twj.internet.task.Clock;
import dev.twj.python.failure.Failure;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates generated with Bouncy Castle for the TLS tests (Twisted's tests use the PEM files
 * {@code server.pem} and the generated ones of {@code certificatesForAuthorityAndServer}), and a
 * helper that runs a Deferred to its result on a Clock.
 */
final class TLSTestSupport {
    private TLSTestSupport() {}

    private static final AtomicLong SERIAL = new AtomicLong(1);
    private static final Object NOTHING = new Object();

    /** A certificate authority and a server certificate it signed, for "example.com". */
    record AuthorityAndServer(PrivateCertificate authority, PrivateCertificate server) {}

    /** Cached: key generation and signing cost a few milliseconds each. */
    private static AuthorityAndServer cached;

    /**
     * Returns a CA and a server certificate for {@code example.com}, {@code localhost} and
     * {@code 127.0.0.1} signed by it. Port of {@code certificatesForAuthorityAndServer}.
     */
    static synchronized AuthorityAndServer certificatesForAuthorityAndServer() {
        if (cached == null) {
            PrivateCertificate ca = authority("Testing Example CA");
            cached = new AuthorityAndServer(ca, signedBy(ca, "example.com", "example.com", "localhost", "127.0.0.1"));
        }
        return cached;
    }

    /** A self-signed CA certificate. */
    static PrivateCertificate authority(String cn) {
        KeyPair kp = keyPair();
        return build(new X500Name("CN=" + cn), kp, new X500Name("CN=" + cn), kp, true, new String[0]);
    }

    /** A certificate named {@code cn} with the given subject alternative names, signed by {@code ca}. */
    static PrivateCertificate signedBy(PrivateCertificate ca, String cn, String... sans) {
        KeyPair issuerKeys = new KeyPair(ca.original().getPublicKey(), ca.privateKey());
        return build(new X500Name(ca.original().getSubjectX500Principal().getName()), issuerKeys,
                new X500Name("CN=" + cn), keyPair(), false, sans);
    }

    /** A self-signed (non-CA) certificate, as Twisted's {@code server.pem}. */
    static PrivateCertificate selfSigned(String cn, String... sans) {
        KeyPair kp = keyPair();
        return build(new X500Name("CN=" + cn), kp, new X500Name("CN=" + cn), kp, false, sans);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static PrivateCertificate build(
            X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys, boolean ca, String[] sans) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), subject, subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (sans.length > 0) {
                GeneralName[] names = new GeneralName[sans.length];
                for (int i = 0; i < sans.length; i++) {
                    names[i] = sans[i].matches("[0-9.]+")
                            ? new GeneralName(GeneralName.iPAddress, sans[i])
                            : new GeneralName(GeneralName.dNSName, sans[i]);
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
            return new PrivateCertificate(cert, subjectKeys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The public half of {@code pc}. */
    static Certificate pub(PrivateCertificate pc) {
        return new Certificate(pc.original());
    }

    /** Python's {@code b"..."}. */
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes as a string. */
    static String s(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    /**
     * Advances {@code clock} by zero until {@code d} has a result, as trial's reactor would run
     * until a returned Deferred fires, and returns it (a Failure stays a Failure).
     */
    static Object run(Clock clock, Deferred<?> d) {
        Object[] box = {NOTHING};
        d.addBoth(r -> {
            box[0] = r;
            return null;
        });
        for (int i = 0; i < 100_000 && box[0] == NOTHING; i++) {
            clock.advance(0);
        }
        if (box[0] == NOTHING) {
            fail("Deferred did not fire: " + d + "; pending calls: " + clock.getDelayedCalls());
        }
        return box[0];
    }
}
