package dev.twj.internet.testing;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;

/**
 * A fake listening port that pretends to listen on an address. Port of Twisted's
 * {@code twisted.internet.testing._FakePort}.
 */
public final class FakePort implements IListeningPort {
    private final IAddress hostAddress;

    /** Creates a port pretending to listen on {@code hostAddress}. */
    public FakePort(IAddress hostAddress) {
        this.hostAddress = hostAddress;
    }

    /** Does nothing. */
    @Override
    public void startListening() {}

    /** Does nothing; returns an already-fired Deferred. */
    @Override
    public Deferred<Void> stopListening() {
        return Defer.succeed(null);
    }

    @Override
    public IAddress getHost() {
        return hostAddress;
    }
}
