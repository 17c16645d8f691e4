package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTLSSupport.TEMPCERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.twj.internet.ssl.Certificate;
import dev.twj.protocols.amp.AmpTLSSupport.LiveFire;
import dev.twj.protocols.amp.AmpTLSSupport.SecurableProto;
import dev.twj.protocols.amp.AmpTLSSupport.SecuredPing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Port of {@code LiveFireTLSTests}: AMP StartTLS with real, live TLS over TCP. */
class LiveFireTLSTests {
    /**
     * Using real, live TLS, actually negotiate a connection. This also looks at the
     * peerCertificate attribute's correctness.
     */
    @Test
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
                    assertSame(TEMPCERT, lf.cli.hostCertificate);
                    assertEquals(x, lf.cli.peerCertificate());
                    assertSame(TEMPCERT, lf.svr.hostCertificate);
                    assertEquals(x, lf.svr.peerCertificate());
                    return pinged;
                }));
        assertEquals(Map.of("pinged", true), result);
    }
}
