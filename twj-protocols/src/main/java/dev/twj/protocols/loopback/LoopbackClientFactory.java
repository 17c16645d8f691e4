package dev.twj.protocols.loopback;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.python.failure.Failure;

/**
 * A client factory that always returns the same protocol and fires {@link #deferred} when its
 * connection is lost. Port of {@code twisted.protocols.loopback.LoopbackClientFactory}.
 */
public class LoopbackClientFactory extends ClientFactory {
    /** True once the connection is lost. */
    public boolean disconnected;

    /** Fires with null when the connection is lost. */
    public final Deferred<Void> deferred = new Deferred<>();

    private final Protocol theProtocol;

    /** Creates a factory whose every connection uses {@code protocol}. */
    public LoopbackClientFactory(Protocol protocol) {
        this.theProtocol = protocol;
        this.protocol = () -> theProtocol;
    }

    /** Returns the one protocol. */
    @Override
    public Protocol buildProtocol(IAddress addr) {
        return theProtocol;
    }

    /** Notes the disconnection and fires {@link #deferred}. */
    @Override
    public void clientConnectionLost(IConnector connector, Failure reason) {
        disconnected = true;
        deferred.callback(null);
    }
}
