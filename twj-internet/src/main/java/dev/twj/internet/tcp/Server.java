package dev.twj.internet.tcp;

import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import java.nio.channels.SocketChannel;

/**
 * A connection accepted by a {@link Port}. Port of Twisted's {@code twisted.internet.tcp.Server}.
 */
public final class Server extends Connection {
    private final IAddress client;
    private final String prefix;
    private final IAddress host;
    private final Port server;
    /** The session number of this connection on its port. */
    public final int sessionno;

    Server(SocketChannel socket, IProtocol protocol, IAddress client, IAddress host, Port server, int sessionno,
            ReactorBase reactor) {
        super(socket, protocol, reactor);
        this.client = client;
        this.host = host;
        this.server = server;
        this.sessionno = sessionno;
        this.connected = true;
        this.prefix = protocol instanceof dev.twj.internet.interfaces.ILoggingContext c ? c.logPrefix()
                : protocol == null ? "Server" : dev.twj.internet.internal.ClassNames.nameOf(protocol.getClass());
    }

    @Override
    public String logPrefix() {
        return prefix;
    }

    /** Returns the port that accepted this connection. */
    public Port server() {
        return server;
    }

    /** Returns the IPv4Address or IPv6Address of this side of the connection. */
    @Override
    public IAddress getHost() {
        return host;
    }

    /** Returns the IPv4Address or IPv6Address of the client. */
    @Override
    public IAddress getPeer() {
        return client;
    }

    /** Twisted's {@code logstr}: {@code "<protocol>,<sessionno>,<client host>"}. */
    public String logstr() {
        return logPrefix() + "," + sessionno + "," + Addresses.hostOf(client);
    }

    /** Returns {@code "<Protocol #sessionno on port>"}, as Twisted's repr. */
    @Override
    public String toString() {
        return "<" + logPrefix() + " #" + sessionno + " on " + Addresses.portOf(server.getHost()) + ">";
    }
}
