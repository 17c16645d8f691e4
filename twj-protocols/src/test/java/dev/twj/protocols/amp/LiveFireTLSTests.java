package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTLSSupport.TEMPCERT;

import dev.twj.internet.ssl.Certificate;
import dev.twj.protocols.amp.AmpTLSSupport.LiveFire;
import dev.twj.protocols.amp.AmpTLSSupport.SecurableProto;
import dev.twj.protocols.amp.AmpTLSSupport.SecuredPing;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;
import java.util.Map;

/** Port of {@code LiveFireTLSTests}: AMP StartTLS with real, live TLS over TCP. */
class LiveFireTLSTests extends SynchronousTestCase {
    /**
     * Using real, live TLS, actually negotiate a connection. This also looks at the
     * peerCertificate attribute's correctness.
     */
    public void test_liveFireCustomTLS() {
        LiveFire<SecurableProto, SecurableProto> lf = new LiveFire<>(SecurableProto::new, () -> {
            SecurableProto svr = new SecurableProto();
            svr.verifyFactory = () -> List.of(TEMPCERT);
            svr.certFactory = () -> TEMPCERT;
            return svr;
        });
        Certificate x = new Certificate(TEMPCERT.original());
        Object result = lf.run(() -> lf.cli.callRemote(StartTLS.class,
                Map.of("tls_localCertificate", TEMPCERT, "tls_verifyAuthorities", List.of(TEMPCERT)))
                .addCallbackDeferred(secured -> lf.cli.callRemote(SecuredPing.class, Map.of()))
                .addCallback(pinged -> {
                    assertIs(lf.cli.hostCertificate, TEMPCERT);
                    assertEqual(lf.cli.peerCertificate(), x);
                    assertIs(lf.svr.hostCertificate, TEMPCERT);
                    assertEqual(lf.svr.peerCertificate(), x);
                    return pinged;
                }));
        assertEqual(result, Map.of("pinged", true));
    }
}
