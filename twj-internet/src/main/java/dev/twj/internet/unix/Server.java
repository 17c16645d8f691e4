package dev.twj.internet.unix;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.tcp.Connection;
import java.nio.channels.SocketChannel;

/**
 * The server side of an accepted UNIX domain socket connection.
 *
 * <p>Port of {@code twisted.internet.unix.Server}: the reading, writing, half-close and abort
 * machinery is {@link Connection}'s; {@link #getHost()} is the listening path and
 * {@link #getPeer()} the client's (usually unbound, {@code UNIXAddress(None)}). File descriptor
 * passing ({@code sendFileDescriptor}) is not supported.
 */
public final class Server extends Connection {
    private final UNIXAddress host;
    private final UNIXAddress peer;
    private final Port server;
    private final String prefix;

    /** The number of this connection among the port's. */
    public final int sessionno;

    Server(SocketChannel socket, IProtocol protocol, UNIXAddress peer, UNIXAddress host, Port server,
            int sessionno, ReactorBase reactor) {
        super(socket, protocol, reactor);
        this.peer = peer;
        this.host = host;
        this.server = server;
        this.sessionno = sessionno;
        this.connected = true;
        this.prefix = protocol instanceof ILoggingContext c ? c.logPrefix() : dev.twj.internet.internal.ClassNames.nameOf(protocol.getClass());
    }

    @Override
    public String logPrefix() {
        return prefix;
    }

    /** The port that accepted this connection. */
    public Port server() {
        return server;
    }

    @Override
    public IAddress getHost() {
        return host;
    }

    @Override
    public IAddress getPeer() {
        return peer;
    }

    /** {@code protocol,sessionno,path}: Twisted's {@code logstr}. */
    public String logstr() {
        return prefix + "," + sessionno + "," + host.name();
    }

    @Override
    public String toString() {
        return "<" + prefix + " #" + sessionno + " on " + host.name() + ">";
    }
}
