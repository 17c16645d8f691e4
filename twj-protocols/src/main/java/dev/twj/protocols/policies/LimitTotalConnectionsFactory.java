package dev.twj.protocols.policies;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import java.util.function.Supplier;

/**
 * A factory that limits the number of simultaneous connections. Port of
 * {@code twisted.protocols.policies.LimitTotalConnectionsFactory}.
 *
 * <p>Each protocol built (from {@link #protocol}, or from {@link #overflowProtocol} beyond the
 * limit) is wrapped in a {@link ProtocolWrapper} that counts it until its connection is lost.
 */
public class LimitTotalConnectionsFactory extends ServerFactory implements ProtocolWrapper.Registry {
    /** The number of current connections, overflow connections included. */
    public int connectionCount;

    /** The maximum number of connections, or null for no limit. */
    public Integer connectionLimit;

    /**
     * Builds the protocol for new connections when {@link #connectionLimit} is exceeded. If null
     * (the default), excess connections are closed immediately.
     */
    public Supplier<? extends Protocol> overflowProtocol;

    /** Creates a factory; set {@link #protocol}. */
    public LimitTotalConnectionsFactory() {}

    /**
     * Builds the normal protocol under the limit, the overflow protocol above it (or returns
     * null if there is none), and wraps it.
     */
    @Override
    public Protocol buildProtocol(IAddress addr) {
        Protocol wrappedProtocol;
        if (connectionLimit == null || connectionCount < connectionLimit) {
            // Build the normal protocol
            wrappedProtocol = protocol.get();
        } else if (overflowProtocol == null) {
            // Just drop the connection
            return null;
        } else {
            // Too many connections, so build the overflow protocol
            wrappedProtocol = overflowProtocol.get();
        }
        wrappedProtocol.factory = this;
        ProtocolWrapper p = new ProtocolWrapper(this, wrappedProtocol);
        connectionCount++;
        return p;
    }

    /** Does nothing: connections are counted when built. */
    @Override
    public void registerProtocol(ProtocolWrapper p) {}

    /** Counts a connection as gone. */
    @Override
    public void unregisterProtocol(ProtocolWrapper p) {
        connectionCount--;
    }
}
