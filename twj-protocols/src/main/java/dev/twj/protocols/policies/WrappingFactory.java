package dev.twj.protocols.policies;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.python.failure.Failure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wraps a factory and its protocols, and keeps track of them. Port of
 * {@code twisted.protocols.policies.WrappingFactory}.
 *
 * <p>{@link #buildProtocol} asks the wrapped factory for a protocol and wraps it with
 * {@link #wrapProtocol}, which subclasses override to build their own wrapper (Twisted's
 * {@code protocol} class attribute, called as {@code self.protocol(self, wrappedProtocol)}).
 * The client-factory hooks are forwarded when the wrapped factory is a {@link ClientFactory}.
 */
public class WrappingFactory extends ClientFactory implements ProtocolWrapper.Registry {
    /** The factory whose protocols are wrapped; may be null. */
    public final IProtocolFactory wrappedFactory;

    /** The connected wrappers: Twisted's {@code protocols} dict, mapping each to 1. */
    public final Map<ProtocolWrapper, Integer> protocols = new LinkedHashMap<>();

    /** Creates a factory that wraps the protocols of {@code wrappedFactory}. */
    public WrappingFactory(IProtocolFactory wrappedFactory) {
        this.wrappedFactory = wrappedFactory;
    }

    /** Mentions both the wrapped factory and this one, e.g. {@code "Server (WrappingFactory)"}. */
    @Override
    public String logPrefix() {
        return ProtocolWrapper.wrappedLogPrefix(this, wrappedFactory);
    }

    /** Starts the wrapped factory, then this one. */
    @Override
    public void doStart() {
        wrappedFactory.doStart();
        super.doStart();
    }

    /** Stops the wrapped factory, then this one. */
    @Override
    public void doStop() {
        wrappedFactory.doStop();
        super.doStop();
    }

    /** Forwards to the wrapped factory if it is a {@link ClientFactory}. */
    @Override
    public void startedConnecting(IConnector connector) {
        if (wrappedFactory instanceof ClientFactory f) {
            f.startedConnecting(connector);
        }
    }

    /** Forwards to the wrapped factory if it is a {@link ClientFactory}. */
    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        if (wrappedFactory instanceof ClientFactory f) {
            f.clientConnectionFailed(connector, reason);
        }
    }

    /** Forwards to the wrapped factory if it is a {@link ClientFactory}. */
    @Override
    public void clientConnectionLost(IConnector connector, Failure reason) {
        if (wrappedFactory instanceof ClientFactory f) {
            f.clientConnectionLost(connector, reason);
        }
    }

    /** Builds a protocol with the wrapped factory and wraps it with {@link #wrapProtocol}. */
    @Override
    public Protocol buildProtocol(IAddress addr) {
        return wrapProtocol(wrappedFactory.buildProtocol(addr));
    }

    /**
     * Wraps a protocol the wrapped factory built: Twisted's {@code self.protocol(self, p)}.
     * Returns a {@link ProtocolWrapper}; subclasses return their own wrapper.
     */
    protected Protocol wrapProtocol(IProtocol wrappedProtocol) {
        return new ProtocolWrapper(this, wrappedProtocol);
    }

    /** Called by a protocol to register itself. */
    @Override
    public void registerProtocol(ProtocolWrapper p) {
        protocols.put(p, 1);
    }

    /** Called by protocols when they go away. */
    @Override
    public void unregisterProtocol(ProtocolWrapper p) {
        protocols.remove(p);
    }
}
