package dev.twj.protocols.amp;

import dev.twj.protocols.amp.AmpTLSSupport.LiveFire;
import dev.twj.protocols.amp.AmpTLSSupport.SecuredPing;
import dev.twj.protocols.amp.AmpTLSSupport.SymmetricWithPing;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.Map;

/** Port of {@code PlainVanillaLiveFireTests}: StartTLS with no certificates at all. */
class PlainVanillaLiveFireTests extends SynchronousTestCase {
    /**
     * Out of the box, we can start TLS to at least encrypt the connection, even if we don't have
     * any certificates to use.
     */
    public void test_liveFireDefaultTLS() {
        LiveFire<SymmetricWithPing, SymmetricWithPing> lf = new LiveFire<>(SymmetricWithPing::new, SymmetricWithPing::new);
        Object result = lf.run(() -> lf.cli.callRemote(StartTLS.class, Map.of())
                .addCallbackDeferred(secured -> lf.cli.callRemote(SecuredPing.class, Map.of())));
        assertEqual(result, Map.of("pinged", true));
    }
}
