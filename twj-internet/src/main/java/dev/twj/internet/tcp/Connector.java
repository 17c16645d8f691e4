package dev.twj.internet.tcp;

import dev.twj.internet.Abstract;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.base.BaseConnector;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocolFactory;

/**
 * Connects a client factory to a TCP host and port, and reconnects on request. Port of Twisted's
 * {@code twisted.internet.tcp.Connector}.
 */
public final class Connector extends BaseConnector {
    private final String host;
    private final int port;
    private final IAddress bindAddress;
    private final ReactorBase reactorBase;

    /** Creates a connector; {@link #connect} starts it (as {@code connectTCP} does). */
    public Connector(String host, int port, IProtocolFactory factory, double timeout, IAddress bindAddress,
            ReactorBase reactor) {
        super(factory, timeout, reactor);
        this.host = host;
        this.port = port;
        this.bindAddress = bindAddress;
        this.reactorBase = reactor;
    }

    @Override
    protected Transport makeTransport() {
        return new Client(host, port, bindAddress, this, reactorBase);
    }

    /** Returns the IPv4Address or IPv6Address (if the host is an IPv6 literal) connected to. */
    @Override
    public IAddress getDestination() {
        return Abstract.isIPv6Address(host) ? new IPv6Address("TCP", host, port) : new IPv4Address("TCP", host, port);
    }

    @Override
    public String toString() {
        return "<" + getClass().getName() + " instance at 0x" + Integer.toHexString(System.identityHashCode(this))
                + " " + state + " " + getDestination() + ">";
    }
}
