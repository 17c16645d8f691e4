package dev.twj.protocols.amp;

import dev.twj.internet.defer.Deferred;
import dev.twj.protocols.amp.AmpTLSSupport.SecuredPing;
import dev.twj.protocols.amp.AmpTLSSupport.SymmetricWithPing;
import java.util.Map;

/**
 * Port of {@code PlainVanillaLiveFireTests}: StartTLS with no certificates at all, over real TCP
 * on the global reactor.
 */
class PlainVanillaLiveFireTests extends LiveFireBase<SymmetricWithPing, SymmetricWithPing> {
    @Override
    SymmetricWithPing clientProto() {
        return new SymmetricWithPing();
    }

    @Override
    SymmetricWithPing serverProto() {
        return new SymmetricWithPing();
    }

    /**
     * Verify that out of the box, we can start TLS to at least encrypt the connection, even if we
     * don't have any certificates to use.
     */
    public Deferred<Map<String, Object>> test_liveFireDefaultTLS() {
        return cli.callRemote(StartTLS.class, Map.of())
                .addCallbackDeferred(result -> cli.callRemote(SecuredPing.class, Map.of()));
    }
}
