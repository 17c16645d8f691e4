package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTLSSupport.TEMPCERT;

import dev.twj.internet.defer.Deferred;
import dev.twj.protocols.amp.AmpTLSSupport.SecuredPing;
import dev.twj.protocols.amp.AmpTLSSupport.SlightlySmartTLS;
import dev.twj.protocols.amp.AmpTLSSupport.SymmetricWithPing;
import java.util.List;
import java.util.Map;

/**
 * Port of {@code WithServerTLSVerificationTests}: an anonymous client verifying the server, over
 * real TCP on the global reactor.
 */
class WithServerTLSVerificationTests extends LiveFireBase<SymmetricWithPing, SlightlySmartTLS> {
    @Override
    SymmetricWithPing clientProto() {
        return new SymmetricWithPing();
    }

    @Override
    SlightlySmartTLS serverProto() {
        return new SlightlySmartTLS();
    }

    /** Verify that anonymous clients can verify server certificates. */
    public Deferred<Map<String, Object>> test_anonymousVerifyingClient() {
        return cli.callRemote(StartTLS.class, Map.of("tls_verifyAuthorities", List.of(TEMPCERT)))
                .addCallbackDeferred(result -> cli.callRemote(SecuredPing.class, Map.of()));
    }
}
