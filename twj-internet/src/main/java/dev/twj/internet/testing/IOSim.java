package dev.twj.internet.testing;

import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.task.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Utilities and helpers for simulating a network: the module functions of
 * {@code twisted.test.iosim}. The classes of that module are {@link FakeAddress},
 * {@link FakeTransport}, {@link IOPump} and {@link ConnectionCompleter}.
 *
 * <pre>{@code
 * Clock clock = new Clock();
 * IOSim.Connected<EchoClient, EchoServer> c =
 *         IOSim.connectedServerAndClient(EchoServer::new, EchoClient::new, clock);
 * c.client().sendLine("hello");
 * c.pump().flush();
 * }</pre>
 *
 * <p>Differences from Twisted: it lives in {@code dev.twj.internet.testing} with the other test
 * doubles rather than in a {@code test} package; the fake TLS negotiation is left out (see
 * {@link FakeTransport}: real TLS runs over it by wrapping the protocols in twj-protocols'
 * {@code TLSMemoryBIOFactory}); and
 * {@code connectableEndpoint} is left out because twj has no endpoints yet
 * ({@code TCP4ClientEndpoint}, {@code TCP4ServerEndpoint}): {@link ConnectionCompleter} works on
 * any {@link MemoryReactor} meanwhile. Python's keyword arguments become overloads.
 */
public final class IOSim {
    private IOSim() {}

    /**
     * What {@link #connectedServerAndClient} returns: Twisted's {@code (client, server, pump)}.
     *
     * @param client the client protocol
     * @param server the server protocol
     * @param pump moves data between them when its {@code pump} and {@code flush} are called
     * @param <C> the client protocol's type
     * @param <S> the server protocol's type
     */
    public record Connected<C extends IProtocol, S extends IProtocol>(C client, S server, IOPump pump) {}

    /**
     * Creates and returns a new in-memory transport hooked up to the given protocol.
     *
     * @param clientProtocol the client protocol to use
     * @return the transport, with {@code isServer} false
     */
    public static FakeTransport makeFakeClient(IProtocol clientProtocol) {
        return new FakeTransport(clientProtocol, false);
    }

    /**
     * Creates and returns a new in-memory transport hooked up to the given protocol.
     *
     * @param serverProtocol the server protocol to use
     * @return the transport, with {@code isServer} true
     */
    public static FakeTransport makeFakeServer(IProtocol serverProtocol) {
        return new FakeTransport(serverProtocol, true);
    }

    /**
     * Creates a new {@link IOPump} connecting two protocols, without debug output, flushed once,
     * with a new clock; see {@link #connect(IProtocol, FakeTransport, IProtocol, FakeTransport,
     * boolean, boolean, Clock)}.
     */
    public static IOPump connect(
            IProtocol serverProtocol,
            FakeTransport serverTransport,
            IProtocol clientProtocol,
            FakeTransport clientTransport) {
        return connect(serverProtocol, serverTransport, clientProtocol, clientTransport, false, true, null);
    }

    /**
     * Creates a new {@link IOPump} connecting two protocols, with a new clock; see {@link
     * #connect(IProtocol, FakeTransport, IProtocol, FakeTransport, boolean, boolean, Clock)}.
     */
    public static IOPump connect(
            IProtocol serverProtocol,
            FakeTransport serverTransport,
            IProtocol clientProtocol,
            FakeTransport clientTransport,
            boolean debug,
            boolean greet) {
        return connect(serverProtocol, serverTransport, clientProtocol, clientTransport, debug, greet, null);
    }

    /**
     * Creates a new {@link IOPump} connecting two protocols: makes the server's connection, then
     * the client's.
     *
     * @param serverProtocol the protocol to use on the accepting side of the connection
     * @param serverTransport the transport to associate with {@code serverProtocol}
     * @param clientProtocol the protocol to use on the initiating side of the connection
     * @param clientTransport the transport to associate with {@code clientProtocol}
     * @param debug whether the pump prints information about what it is doing
     * @param greet whether the pump is {@link IOPump#flush() flushed} once before returning, to
     *     put the protocols into their post-handshake or post-server-greeting state
     * @param clock the clock that pumping advances, or null for a new one
     * @return a pump which connects {@code serverProtocol} and {@code clientProtocol} and delivers
     *     bytes between them when it is pumped
     */
    public static IOPump connect(
            IProtocol serverProtocol,
            FakeTransport serverTransport,
            IProtocol clientProtocol,
            FakeTransport clientTransport,
            boolean debug,
            boolean greet,
            Clock clock) {
        serverProtocol.makeConnection(serverTransport);
        clientProtocol.makeConnection(clientTransport);
        IOPump pump = new IOPump(clientProtocol, serverProtocol, clientTransport, serverTransport, debug, clock);
        if (greet) {
            // Kick off server greeting, etc
            pump.flush();
        }
        return pump;
    }

    /**
     * Connects a new server and a new client protocol to each other, with a new clock; see
     * {@link #connectedServerAndClient(Supplier, Supplier, Function, Function, boolean, boolean,
     * Clock)}.
     */
    public static <C extends IProtocol, S extends IProtocol> Connected<C, S> connectedServerAndClient(
            Supplier<? extends S> serverClass, Supplier<? extends C> clientClass) {
        return connectedServerAndClient(serverClass, clientClass, null);
    }

    /**
     * Connects a new server and a new client protocol to each other through the default fake
     * transports, flushing once; see {@link #connectedServerAndClient(Supplier, Supplier, Function,
     * Function, boolean, boolean, Clock)}.
     */
    public static <C extends IProtocol, S extends IProtocol> Connected<C, S> connectedServerAndClient(
            Supplier<? extends S> serverClass, Supplier<? extends C> clientClass, Clock clock) {
        return connectedServerAndClient(
                serverClass, clientClass, IOSim::makeFakeClient, IOSim::makeFakeServer, false, true, clock);
    }

    /**
     * Connects a given server and client class to each other.
     *
     * @param serverClass produces the server-side protocol
     * @param clientClass like {@code serverClass} but for the other side of the connection
     * @param clientTransportFactory produces the transport which will be attached to the protocol
     *     returned from {@code clientClass}
     * @param serverTransportFactory produces the transport which will be attached to the protocol
     *     returned from {@code serverClass}
     * @param debug whether to dump an escaped version of all traffic on this connection to stdout
     * @param greet whether the pump is flushed once before returning, to put the protocols into
     *     their post-handshake or post-server-greeting state
     * @param clock the clock that pumping advances, or null for a new one
     * @return the client protocol, the server protocol, and an {@link IOPump} which, when its
     *     {@code pump} and {@code flush} methods are called, moves data between them
     */
    public static <C extends IProtocol, S extends IProtocol> Connected<C, S> connectedServerAndClient(
            Supplier<? extends S> serverClass,
            Supplier<? extends C> clientClass,
            Function<? super C, ? extends FakeTransport> clientTransportFactory,
            Function<? super S, ? extends FakeTransport> serverTransportFactory,
            boolean debug,
            boolean greet,
            Clock clock) {
        C c = clientClass.get();
        S s = serverClass.get();
        FakeTransport cio = clientTransportFactory.apply(c);
        FakeTransport sio = serverTransportFactory.apply(s);
        return new Connected<>(c, s, connect(s, sio, c, cio, debug, greet, clock));
    }
}
