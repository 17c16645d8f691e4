package dev.twj.internet.testing;

import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.python.failure.Failure;

/**
 * Causes synthetic TCP connections established by {@link MemoryReactor#connectTCP} and
 * {@link MemoryReactor#listenTCP} to succeed or fail. Port of
 * {@code twisted.test.iosim.ConnectionCompleter}.
 *
 * <pre>{@code
 * MemoryReactorClock reactor = new MemoryReactorClock();
 * reactor.listenTCP(4321, serverFactory, 50, "");
 * reactor.connectTCP("0.0.0.0", 4321, clientFactory, 30, null);
 * IOPump pump = new ConnectionCompleter(reactor).succeedOnce();
 * }</pre>
 *
 * <p>As in Twisted, a client and a server match when their port numbers are equal (the host is
 * not compared), and the connector removed with a client is the one at the same index in
 * {@link MemoryReactor#connectors}, which assumes only TCP connections were attempted.
 */
public final class ConnectionCompleter {
    private final MemoryReactor reactor;

    /**
     * Creates a completer attached to a reactor.
     *
     * @param memoryReactor the reactor to attach to
     */
    public ConnectionCompleter(MemoryReactor memoryReactor) {
        this.reactor = memoryReactor;
    }

    /** Completes a single TCP connection, without debug output; see {@link #succeedOnce(boolean)}. */
    public IOPump succeedOnce() {
        return succeedOnce(false);
    }

    /**
     * Completes a single TCP connection established on this completer's reactor: removes the
     * first client attempt whose port some listening server has, builds a protocol from each
     * factory (with a null address) and connects them through {@link FakeTransport}s, flushing
     * once.
     *
     * @param debug whether to dump output from the established connection to stdout
     * @return a pump for the connection, or null if no connection could be established
     */
    public IOPump succeedOnce(boolean debug) {
        for (int clientIdx = 0; clientIdx < reactor.tcpClients.size(); clientIdx++) {
            MemoryReactor.TCPClient clientInfo = reactor.tcpClients.get(clientIdx);
            for (MemoryReactor.TCPServer serverInfo : reactor.tcpServers) {
                if (factoriesShouldConnect(clientInfo, serverInfo)) {
                    reactor.tcpClients.remove(clientIdx);
                    reactor.connectors.remove(clientIdx);
                    IProtocolFactory clientFactory = clientInfo.factory();
                    IProtocolFactory serverFactory = serverInfo.factory();
                    IProtocol clientProtocol = clientFactory.buildProtocol(null);
                    IProtocol serverProtocol = serverFactory.buildProtocol(null);
                    FakeTransport serverTransport = IOSim.makeFakeServer(serverProtocol);
                    FakeTransport clientTransport = IOSim.makeFakeClient(clientProtocol);
                    return IOSim.connect(
                            serverProtocol, serverTransport, clientProtocol, clientTransport, debug, true);
                }
            }
        }
        return null;
    }

    /** Fails a single TCP connection with {@link ConnectionRefusedError}; see {@link #failOnce(Failure)}. */
    public void failOnce() {
        failOnce(new Failure(new ConnectionRefusedError()));
    }

    /**
     * Fails a single TCP connection established on this completer's reactor: removes the first
     * client attempt and its connector, and tells its factory {@code clientConnectionFailed}.
     *
     * @param reason the reason to provide that the connection failed
     * @throws IndexOutOfBoundsException if no connection attempt is pending (Twisted's IndexError)
     * @throws IllegalStateException if the attempt's factory is not a {@link ClientFactory}, so
     *     has no {@code clientConnectionFailed} (Twisted's AttributeError)
     */
    public void failOnce(Failure reason) {
        IProtocolFactory factory = reactor.tcpClients.remove(0).factory();
        FakeConnector connector = reactor.connectors.remove(0);
        if (!(factory instanceof ClientFactory clientFactory)) {
            throw new IllegalStateException(
                    "factory " + factory + " is not a ClientFactory: it has no clientConnectionFailed");
        }
        clientFactory.clientConnectionFailed(connector, reason);
    }

    /**
     * Should the client and server described by the arguments be connected to each other, i.e.
     * do their port numbers match? Twisted's {@code _factoriesShouldConnect}.
     */
    private static boolean factoriesShouldConnect(MemoryReactor.TCPClient clientInfo, MemoryReactor.TCPServer serverInfo) {
        return serverInfo.port() == clientInfo.port();
    }
}
