package dev.twj.protocols.policies;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.Protocol;
import java.util.HashMap;
import java.util.Map;

/**
 * A wrapping factory that allows at most {@link #maxConnectionsPerPeer} connections from one
 * peer host. Port of {@code twisted.protocols.policies.LimitConnectionsByPeer}.
 *
 * <p>Differences from Twisted: Twisted indexes the address as a tuple ({@code addr[0]} when
 * building, {@code getPeer()[1]} when unregistering, which cannot both be the host); here both
 * use the host of an {@link IPv4Address} or {@link IPv6Address} (any other address counts by its
 * {@code toString()}). Unregistering also removes the wrapper from {@link #protocols}, which
 * Twisted forgets to do.
 */
public class LimitConnectionsByPeer extends WrappingFactory {
    /** The most connections allowed from one host. */
    public int maxConnectionsPerPeer = 5;

    /** The number of connections open per peer host; set up by {@link #startFactory}. */
    public Map<String, Integer> peerConnections;

    /** Creates a factory that wraps the protocols of {@code wrappedFactory}. */
    public LimitConnectionsByPeer(IProtocolFactory wrappedFactory) {
        super(wrappedFactory);
    }

    /** Resets the connection counts. */
    @Override
    public void startFactory() {
        peerConnections = new HashMap<>();
    }

    /** Wraps a protocol for {@code addr}, or returns null if its host has too many connections. */
    @Override
    public Protocol buildProtocol(IAddress addr) {
        String peerHost = host(addr);
        int connectionCount = peerConnections.getOrDefault(peerHost, 0);
        if (connectionCount >= maxConnectionsPerPeer) {
            return null;
        }
        peerConnections.put(peerHost, connectionCount + 1);
        return super.buildProtocol(addr);
    }

    /** Counts the connection of {@code p} as gone. */
    @Override
    public void unregisterProtocol(ProtocolWrapper p) {
        super.unregisterProtocol(p);
        String peerHost = host(p.getPeer());
        int left = peerConnections.get(peerHost) - 1;
        if (left == 0) {
            peerConnections.remove(peerHost);
        } else {
            peerConnections.put(peerHost, left);
        }
    }

    private static String host(IAddress addr) {
        if (addr instanceof IPv4Address a) {
            return a.host();
        }
        if (addr instanceof IPv6Address a) {
            return a.host();
        }
        return String.valueOf(addr);
    }
}
