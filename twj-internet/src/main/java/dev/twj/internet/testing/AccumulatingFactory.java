package dev.twj.internet.testing;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.protocol.ClientFactory;

/**
 * A factory of {@link AccumulatingProtocol}s with the {@code protocolConnectionMade} slot that
 * Twisted's tests set on a plain factory: if set, the next protocol to connect fires it.
 */
public class AccumulatingFactory extends ClientFactory {
    /** Fired with the next protocol whose connection is made, then cleared. */
    public Deferred<AccumulatingProtocol> protocolConnectionMade;

    /** Creates a factory building {@link AccumulatingProtocol}s. */
    public AccumulatingFactory() {
        protocol = AccumulatingProtocol::new;
    }
}
