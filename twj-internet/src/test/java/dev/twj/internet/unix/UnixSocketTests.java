package dev.twj.internet.unix;

import static dev.twj.internet.unix.Harness.mktemp;
import static dev.twj.internet.unix.Harness.runUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.BadFileError;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.unix.Harness.AccumulatingProtocol;
import dev.twj.internet.unix.Harness.MyClientFactory;
import dev.twj.internet.unix.Harness.MyServerFactory;
import dev.twj.python.failure.Failure;
import dev.twj.python.lockfile.Lockfile;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.test.test_unix.UnixSocketTests}.
 *
 * <p>Where the port differs: the two "unclean server" tests run a Python child that listens with
 * {@code wantPID} and exits without cleaning up; here the state such a child leaves behind is
 * made directly: a lock naming a process that has exited, and a socket file nobody listens on.
 */
@Timeout(60)
class UnixSocketTests {
    private final SelectReactor reactor = new SelectReactor();
    private final java.util.ArrayList<Runnable> cleanups = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() {
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            cleanups.get(i).run();
        }
    }

    private void stopLater(IListeningPort port) {
        cleanups.add(() -> runUntil(reactor, port.stopListening()));
    }

    /**
     * The address passed to the server factory's buildProtocol method and the address returned
     * by the connected protocol's transport's getPeer method match the address the client socket
     * is bound to.
     */
    @Test
    public void test_peerBind() throws IOException {
        String filename = mktemp();
        String peername = mktemp();
        MyServerFactory serverFactory = new MyServerFactory();
        Deferred<AccumulatingProtocol> connMade = serverFactory.protocolConnectionMade = new Deferred<>();
        IListeningPort unixPort = reactor.listenUNIX(filename, serverFactory, 50, 0666, false);
        stopLater(unixPort);
        SocketChannel unixSocket = SocketChannel.open(StandardProtocolFamily.UNIX);
        cleanups.add(() -> {
            try {
                unixSocket.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        unixSocket.bind(UnixDomainSocketAddress.of(peername));
        unixSocket.connect(UnixDomainSocketAddress.of(filename));
        AccumulatingProtocol proto = (AccumulatingProtocol) runUntil(reactor, connMade);
        UNIXAddress expected = new UNIXAddress(peername);
        assertEquals(List.of(expected), serverFactory.peerAddresses);
        assertEquals(expected, proto.transport.getPeer());
    }

    /** connectUNIX can be used to connect a client to a server started with listenUNIX. */
    @Test
    public void test_dumber() throws IOException {
        String filename = mktemp();
        MyServerFactory serverFactory = new MyServerFactory();
        Deferred<AccumulatingProtocol> serverConnMade = new Deferred<>();
        serverFactory.protocolConnectionMade = serverConnMade;
        IListeningPort unixPort = reactor.listenUNIX(filename, serverFactory, 50, 0666, false);
        stopLater(unixPort);
        MyClientFactory clientFactory = new MyClientFactory();
        Deferred<AccumulatingProtocol> clientConnMade = new Deferred<>();
        clientFactory.protocolConnectionMade = clientConnMade;
        reactor.connectUNIX(filename, clientFactory, 30, false);
        Deferred<List<AccumulatingProtocol>> d = Defer.gatherResults(List.of(serverConnMade, clientConnMade));
        @SuppressWarnings("unchecked")
        List<AccumulatingProtocol> args = (List<AccumulatingProtocol>) runUntil(reactor, d);
        assertEquals(List.of(new UNIXAddress(filename)), clientFactory.peerAddresses);
        args.get(1).transport.loseConnection();
        args.get(0).transport.loseConnection();
    }

    /**
     * A lockfile is created and locked when listenUNIX is called and released when the Deferred
     * returned by the IListeningPort provider's stopListening method is called back.
     */
    @Test
    public void test_pidFile() throws IOException {
        String filename = mktemp();
        MyServerFactory serverFactory = new MyServerFactory();
        Deferred<AccumulatingProtocol> serverConnMade = new Deferred<>();
        serverFactory.protocolConnectionMade = serverConnMade;
        IListeningPort unixPort = reactor.listenUNIX(filename, serverFactory, 50, 0666, true);
        assertTrue(Lockfile.isLocked(filename + ".lock"));

        MyClientFactory clientFactory = new MyClientFactory();
        Deferred<AccumulatingProtocol> clientConnMade = new Deferred<>();
        clientFactory.protocolConnectionMade = clientConnMade;
        reactor.connectUNIX(filename, clientFactory, 30, true);

        Deferred<List<AccumulatingProtocol>> d = Defer.gatherResults(List.of(serverConnMade, clientConnMade));
        Deferred<Void> stopped = d.addCallbackDeferred(args -> {
            assertEquals(List.of(new UNIXAddress(filename)), clientFactory.peerAddresses);
            args.get(1).transport.loseConnection();
            args.get(0).transport.loseConnection();
            return unixPort.stopListening();
        });
        runUntil(reactor, stopped);
        assertFalse(Lockfile.isLocked(filename + ".lock"), "locked");
    }

    /**
     * listenUNIX raises CannotListenError if passed the name of a file on which a server is
     * already listening.
     */
    @Test
    public void test_socketLocking() throws IOException {
        String filename = mktemp();
        MyServerFactory serverFactory = new MyServerFactory();
        IListeningPort unixPort = reactor.listenUNIX(filename, serverFactory, 50, 0666, true);
        assertThrows(CannotListenError.class,
                () -> reactor.listenUNIX(filename, serverFactory, 50, 0666, true));
        runUntil(reactor, unixPort.stopListening().addCallbackDeferred(ign -> {
            IListeningPort again = reactor.listenUNIX(filename, serverFactory, 50, 0666, true);
            return again.stopListening();
        }));
    }

    /** Leaves what a wantPID server that did not exit cleanly leaves: Twisted's child process. */
    private static String uncleanSocket() throws IOException, InterruptedException {
        String filename = mktemp();
        Process child = new ProcessBuilder("true").start();
        child.waitFor();
        Lockfile.symlink(Long.toString(child.pid()), filename + ".lock");
        ServerSocketChannel skt = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        skt.bind(UnixDomainSocketAddress.of(Path.of(filename)));
        skt.close(); // the JDK leaves the socket file behind, as a killed process does
        return filename;
    }

    /**
     * If passed true for wantPID, a server can be started listening with listenUNIX when passed
     * the name of a file on which a previous server which has not exited cleanly has been
     * listening using the wantPID option.
     */
    @Test
    public void test_uncleanServerSocketLocking() throws Exception {
        String filename = uncleanSocket();
        // If this next call succeeds, our lock handling is correct.
        IListeningPort p = reactor.listenUNIX(filename, new MyServerFactory(), 50, 0666, true);
        runUntil(reactor, p.stopListening());
    }

    /**
     * If passed true for the checkPID parameter, a client connection attempt made with
     * connectUNIX fails with BadFileError.
     */
    @Test
    public void test_connectToUncleanServer() throws Exception {
        String filename = uncleanSocket();
        Deferred<Object> d = new Deferred<>();
        ClientFactory f = new ClientFactory() {
            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                d.errback(reason);
            }
        };
        reactor.connectUNIX(filename, f, 30, true);
        Object[] failure = new Object[1];
        runUntil(reactor, d.addErrback(reason -> {
            failure[0] = reason.value();
            return null;
        }));
        assertInstanceOf(BadFileError.class, failure[0]);
    }

    /** A factory that is not a Factory subclass: Twisted's new-style factory. */
    static final class NewStyleFactory implements IProtocolFactory {
        @Override
        public IProtocol buildProtocol(IAddress addr) {
            return null;
        }

        @Override
        public void doStart() {}

        @Override
        public void doStop() {}
    }

    /**
     * The string representation of the IListeningPort returned by listenUNIX contains the name of
     * the factory class being used and the filename on which the port is listening or indicates
     * that the port is not listening.
     */
    @Test
    public void test_reprWithNewStyleFactory() throws IOException {
        String filename = mktemp();
        String factoryName = NewStyleFactory.class.getName();
        IListeningPort unixPort = reactor.listenUNIX(filename, new NewStyleFactory(), 50, 0666, false);
        assertEquals("<" + factoryName + " on '" + filename + "'>", unixPort.toString());
        runUntil(reactor, unixPort.stopListening());
        assertEquals("<" + factoryName + " (not listening)>", unixPort.toString());
    }

}
