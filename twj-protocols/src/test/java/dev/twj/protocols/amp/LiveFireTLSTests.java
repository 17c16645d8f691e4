package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTLSSupport.TEMPCERT;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.ssl.Certificate;
import dev.twj.internet.ssl.PrivateCertificate;
import dev.twj.protocols.amp.AmpTLSSupport.SecurableProto;
import dev.twj.protocols.amp.AmpTLSSupport.SecuredPing;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/** Port of {@code LiveFireTLSTests}: AMP StartTLS with real, live TLS over TCP on the global reactor. */
class LiveFireTLSTests extends LiveFireBase<SecurableProto, SecurableProto> {
    @Override
    SecurableProto clientProto() {
        return new SecurableProto();
    }

    @Override
    SecurableProto serverProto() {
        return new SecurableProto();
    }

    private static X509Certificate digest(Object certificate) {
        return ((Certificate) certificate).original();
    }

    /**
     * Using real, live TLS, actually negotiate a connection. This also looks at the
     * peerCertificate attribute's correctness.
     */
    public Deferred<Void> test_liveFireCustomTLS() {
        PrivateCertificate cert = TEMPCERT;

        svr.verifyFactory = () -> List.of(cert);
        svr.certFactory = () -> cert;
        // only needed on the server, we specify the client below.

        return cli.callRemote(StartTLS.class, Map.of("tls_localCertificate", cert, "tls_verifyAuthorities", List.of(cert)))
                .addCallbackDeferred(rslt -> {
                    // Java: a certificate's digest is compared as its X509Certificate (DER encoding).
                    X509Certificate x = cert.original();
                    return cli.callRemote(SecuredPing.class, Map.of()).addCallback(rslt2 -> {
                        assertEqual(x, digest(cli.hostCertificate));
                        assertEqual(x, digest(cli.peerCertificate()));
                        assertEqual(x, digest(svr.hostCertificate));
                        assertEqual(x, digest(svr.peerCertificate()));
                        return null;
                    });
                });
    }
}
