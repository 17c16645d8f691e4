package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTLSSupport.TEMPCERT;

import dev.twj.protocols.amp.AmpTLSSupport.LiveFire;
import dev.twj.protocols.amp.AmpTLSSupport.SecuredPing;
import dev.twj.protocols.amp.AmpTLSSupport.SlightlySmartTLS;
import dev.twj.protocols.amp.AmpTLSSupport.SymmetricWithPing;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;
import java.util.Map;

/** Port of {@code WithServerTLSVerificationTests}: an anonymous client verifying the server. */
class WithServerTLSVerificationTests extends SynchronousTestCase {
    /** Anonymous clients can verify server certificates. */
    public void test_anonymousVerifyingClient() {
        LiveFire<SymmetricWithPing, SlightlySmartTLS> lf = new LiveFire<>(SymmetricWithPing::new, SlightlySmartTLS::new);
        Object result = lf.run(() -> lf.cli.callRemote(StartTLS.class, Map.of("tls_verifyAuthorities", List.of(TEMPCERT)))
                .addCallbackDeferred(secured -> lf.cli.callRemote(SecuredPing.class, Map.of())));
        assertEqual(result, Map.of("pinged", true));
    }
}
