package dev.twj.internet.tcp;

import dev.twj.internet.Abstract;
import dev.twj.internet.Main;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A TCP server port, listening for connections. Port of Twisted's {@code twisted.internet.tcp.Port}.
 *
 * <p>Each accepted connection gets a protocol from the factory and a {@link Server} transport.
 * When accepting fails because the process ran out of file descriptors ("Too many open files"),
 * the port logs it once, stops accepting for {@link #ACCEPT_PAUSE} seconds and then resumes: it
 * neither busy-loops nor stops listening. (Twisted keeps a reserved descriptor to accept and
 * close such connections; Java cannot close a descriptor it does not own, so this port waits.)
 *
 * <p>This class is also the base of {@code dev.twj.internet.unix.Port}, as in Twisted: the accept
 * loop (adaptive {@code numberAccepts}, the pause on running out of descriptors), {@link
 * #stopListening} and {@link #connectionLost} are shared. A subclass binds its own socket in
 * {@link #startListening} and hands it to {@link #startAccepting}, and says how an accepted
 * socket becomes an address ({@link #buildAddr}) and a transport ({@link #transport}).
 */
public class Port implements IListeningPort, IReadDescriptor {
    private static final Logger log = new Logger(Port.class);

    /** Seconds the port stops accepting after running out of file descriptors. */
    public static final double ACCEPT_PAUSE = 0.1;

    private final int port;
    private final IProtocolFactory factory;
    private final int backlog;
    private final String interface_;
    private final ReactorBase reactor;
    private final IReactorFDSet fds;

    private ServerSocketChannel socket;
    private IAddress host;
    private int sessionno;
    private int numberAccepts = 100;
    /** True from {@link #startAccepting} until {@link #connectionLost}: Twisted's {@code connected}. */
    protected boolean connected;
    /** True once the port was closed: Twisted's {@code disconnected}. */
    public boolean disconnected;
    private boolean disconnecting;
    private boolean acceptPaused;
    private Deferred<Void> deferred;
    // The addresses of the last accepted connection, to share their records and host strings
    // with the next one: accepted sockets usually share the local address, often the peer's IP.
    private final Addresses.Cache addresses = new Addresses.Cache();

    /** Creates a port; {@link #startListening} binds it. */
    public Port(int port, IProtocolFactory factory, int backlog, String interface_, ReactorBase reactor) {
        this.port = port;
        this.factory = factory;
        this.backlog = backlog;
        this.interface_ = interface_ == null ? "" : interface_;
        this.reactor = reactor;
        this.fds = (IReactorFDSet) reactor;
    }

    /** Returns the factory of this port. */
    public IProtocolFactory factory() {
        return factory;
    }

    @Override
    public SelectableChannel fileno() {
        return socket;
    }

    /**
     * Binds and starts accepting connections; starts the factory.
     *
     * @throws CannotListenError if the port cannot be bound
     */
    @Override
    public void startListening() {
        ServerSocketChannel skt = null;
        try {
            boolean v6 = Abstract.isIPv6Address(interface_);
            skt = ServerSocketChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            skt.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            InetAddress address = interface_.isEmpty()
                    ? InetAddress.getByName("0.0.0.0")
                    : InetAddress.getByName(interface_);
            skt.bind(new InetSocketAddress(address, port), backlog);
            skt.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            if (skt != null) {
                try {
                    skt.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
            throw new CannotListenError(interface_, port, e);
        }
        socket = skt;
        try {
            host = Addresses.of(skt.getLocalAddress());
        } catch (IOException e) {
            throw new CannotListenError(interface_, port, e);
        }
        log.info("{prefix} starting on {port}", "prefix", prefixOf(factory), "port", getPortNumber());
        factory.doStart();
        startAccepting(skt);
    }

    /**
     * Starts accepting connections on {@code skt}, a bound, listening, non-blocking socket: the
     * end of Twisted's {@code startListening} ({@code connected}, {@code socket},
     * {@code numberAccepts = 100}, {@code startReading}). The factory must be started already.
     */
    protected final void startAccepting(ServerSocketChannel skt) {
        socket = skt;
        connected = true;
        numberAccepts = 100;
        fds.addReader(this);
    }

    private int getPortNumber() {
        return host instanceof dev.twj.internet.address.IPv4Address a ? a.port()
                : ((dev.twj.internet.address.IPv6Address) host).port();
    }

    /** Accepts the underlying socket; overridable to simulate accept failures in tests. */
    SocketChannel accept() throws IOException {
        return socket.accept();
    }

    /** Called when a connection is pending: accepts up to {@code numberAccepts} of them. */
    @Override
    public Object doRead() {
        int accepted = 0;
        while (accepted < numberAccepts && connected && !disconnecting && !acceptPaused) {
            SocketChannel skt;
            try {
                skt = accept();
            } catch (IOException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("Too many open files") || message.contains("No buffer space")) {
                    log.info("Could not accept new connection ({error}); pausing accepts for {pause}s",
                            "error", message, "pause", ACCEPT_PAUSE);
                    acceptPaused = true;
                    fds.removeReader(this);
                    reactor.callLater(ACCEPT_PAUSE, () -> {
                        acceptPaused = false;
                        if (connected && !disconnecting) {
                            fds.addReader(this);
                        }
                    });
                } else {
                    log.failure("Error accepting a connection on {port}", new Failure(e), "port", getHost());
                }
                break;
            }
            if (skt == null) {
                break;
            }
            accepted++;
            IAddress peer;
            try {
                skt.configureBlocking(false);
                peer = buildAddr(skt);
            } catch (IOException e) {
                closeQuietly(skt);
                continue;
            }
            IProtocol protocol;
            try {
                protocol = factory.buildProtocol(peer);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("Error in buildProtocol of {factory}", new Failure(t), "factory", factory);
                closeQuietly(skt);
                continue;
            }
            if (protocol == null) {
                closeQuietly(skt);
                continue;
            }
            int s = sessionno++;
            Connection transport;
            try {
                transport = transport(skt, protocol, peer, s);
            } catch (IOException e) {
                closeQuietly(skt);
                continue;
            }
            transport.startReading();
            try {
                protocol.makeConnection(transport);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                Failure f = new Failure(t);
                log.failure("Error in connectionMade of {protocol}", f, "protocol", protocol);
                transport.connectionLost(f);
            }
        }
        numberAccepts = accepted == numberAccepts ? numberAccepts + 20 : Math.max(accepted, 1);
        return null;
    }

    /**
     * Returns the address of the peer of the accepted socket {@code skt}: Twisted's
     * {@code _buildAddr}, an IPv4Address or IPv6Address here.
     *
     * @throws IOException if the socket has no peer address (it was closed already)
     */
    protected IAddress buildAddr(SocketChannel skt) throws IOException {
        return addresses.peer(skt.getRemoteAddress());
    }

    /**
     * Makes the transport of the accepted socket {@code skt} whose peer is {@code addr} (from
     * {@link #buildAddr}) for {@code protocol}, session number {@code sessionno}: Twisted's
     * {@code transport} attribute, a {@link Server} here. The port starts its reading and connects
     * the protocol to it.
     *
     * @throws IOException if the socket has no local address (it was closed already)
     */
    protected Connection transport(SocketChannel skt, IProtocol protocol, IAddress addr, int sessionno)
            throws IOException {
        return new Server(skt, protocol, addr, addresses.local(skt.getLocalAddress()), this, sessionno, reactor);
    }

    private static void closeQuietly(SocketChannel skt) {
        try {
            skt.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /**
     * Stops accepting connections; the returned Deferred fires (in a later reactor iteration) once
     * the socket is closed and the factory stopped.
     */
    @Override
    public Deferred<Void> stopListening() {
        if (deferred != null) {
            return deferred;
        }
        disconnecting = true;
        fds.removeReader(this);
        if (connected) {
            Deferred<Void> d = new Deferred<>();
            deferred = d;
            reactor.callLater(0, () -> {
                // As Twisted's connectionLost deletes self.deferred: a restarted port stops anew.
                deferred = null;
                try {
                    connectionLost(new Failure(Main.CONNECTION_DONE));
                    d.callback(null);
                } catch (RuntimeException e) {
                    d.errback(new Failure(e));
                }
            });
            return d;
        }
        return Defer.succeed(null);
    }

    /** Twisted's alias of {@link #stopListening}. */
    public Deferred<Void> loseConnection() {
        return stopListening();
    }

    /** Closes the socket and stops the factory. */
    @Override
    public void connectionLost(Failure reason) {
        if (!connected) {
            return;
        }
        disconnecting = true;
        connected = false;
        disconnected = true;
        // As Twisted: reactor.disconnectAll calls connectionLost directly, without stopListening.
        fds.removeReader(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        if (reactor instanceof dev.twj.internet.selectreactor.SelectReactor s) {
            s.releaseClosedChannels();
        }
        logConnectionLostMsg();
        try {
            factory.doStop();
        } finally {
            disconnecting = false;
        }
    }

    /** Logs that the port closed: Twisted's {@code _logConnectionLostMsg}. */
    protected void logConnectionLostMsg() {
        log.info("(TCP Port {port} Closed)", "port", getPortNumber());
    }

    /** Returns the IPv4Address or IPv6Address the port listens on, with the real port for port 0. */
    @Override
    public IAddress getHost() {
        return host;
    }

    private static String prefixOf(Object o) {
        return o instanceof dev.twj.internet.interfaces.ILoggingContext c ? c.logPrefix() : dev.twj.internet.internal.ClassNames.nameOf(o.getClass());
    }

    @Override
    public String logPrefix() {
        return prefixOf(factory);
    }

    /**
     * Twisted's repr: {@code "<class Port of class Factory on 1234>"} while listening, else
     * {@code "<class Port of class Factory (not listening)>"}.
     */
    @Override
    public String toString() {
        return connected ? "<" + getClass() + " of " + factory.getClass() + " on " + getPortNumber() + ">"
                : "<" + getClass() + " of " + factory.getClass() + " (not listening)>";
    }
}
