package dev.twj.internet.unix;

import static dev.twj.internet.unix.Harness.mktemp;
import static dev.twj.internet.unix.Harness.runUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.internet.test.test_unix.UNIXTestsBuilder}, for SelectReactor.
 *
 * <p>Not ported: {@code test_listenOnLinuxAbstractNamespace} and
 * {@code test_connectToLinuxAbstractNamespace} (the JDK's {@code UnixDomainSocketAddress} binds
 * filesystem paths only, no abstract namespace); the eight {@code sendFileDescriptor} /
 * {@code fileDescriptorReceived} tests (the JDK has no {@code sendmsg} with {@code SCM_RIGHTS});
 * {@code ConnectionTestsMixin.test_logPrefix} (it reads the logging context's {@code system} key
 * while the reactor dispatches; twj's reactor does not push a per-call log context, and the TCP
 * port of the mixin skips it for the same reason). Endpoints are not ported: the mixin's tests
 * connect with {@code connectUNIX}.
 */
@Timeout(60)
class UNIXTestsBuilderTests {
    /** The UNIX socket created by listenUNIX is created with the mode specified. */
    @Test
    public void test_mode() throws IOException {
        String path = mktemp();
        int mode = 0600;
        SelectReactor reactor = new SelectReactor();
        IListeningPort unixPort = reactor.listenUNIX(path, new ServerFactory(), 50, mode, false);
        unixPort.stopListening();
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(Path.of(path)));
    }

    /**
     * listenUNIX raises CannotListenError if the underlying socket cannot be created or bound.
     * Twisted patches {@code createInternetSocket} to raise; Java cannot patch the port, so the
     * bind fails instead, on a path whose directory does not exist.
     */
    @Test
    public void test_listenFailure() throws IOException {
        SelectReactor reactor = new SelectReactor();
        String path = mktemp() + "-missing/not-used";
        assertThrows(CannotListenError.class,
                () -> reactor.listenUNIX(path, new ServerFactory(), 50, 0666, false));
    }

    /** Records the transport's addresses and disconnects: Twisted's SaveAddress. */
    static final class SaveAddress extends Protocol {
        Map<String, IAddress> addresses;
        final Deferred<Void> made = new Deferred<>();

        @Override
        public void makeConnection(ITransport transport) {
            addresses = Map.of("host", transport.getHost(), "peer", transport.getPeer());
            transport.loseConnection();
            made.callback(null);
        }
    }

    /**
     * A client's transport's getHost and getPeer return UNIXAddress instances which have the
     * filesystem path of the host and peer ends of the connection.
     */
    @Test
    public void test_addresses() throws IOException {
        SaveAddress server = new SaveAddress();
        SaveAddress client = new SaveAddress();
        SelectReactor reactor = new SelectReactor();
        String path = mktemp();
        ServerFactory serverFactory = new ServerFactory();
        serverFactory.protocol = () -> server;
        IListeningPort port = reactor.listenUNIX(path, serverFactory, 50, 0666, false);
        ClientFactory clientFactory = new ClientFactory();
        clientFactory.protocol = () -> client;
        reactor.connectUNIX(path, clientFactory, 30, false);
        runUntil(reactor, Defer.gatherResults(List.of(server.made, client.made))
                .addCallbackDeferred(ign -> port.stopListening()));
        assertEquals(server.addresses.get("host"), client.addresses.get("peer"));
        assertEquals(server.addresses.get("peer"), client.addresses.get("host"));
    }

    /** After a connection is disconnected, write and writeSequence are no-ops. */
    @Test
    public void test_writeAfterDisconnect() throws IOException {
        SelectReactor reactor = new SelectReactor();
        List<Boolean> finished = new ArrayList<>();
        int[] remaining = {2};
        class ClosingLaterProtocol extends Protocol {
            @Override
            public void dataReceived(byte[] bytes) {
                transport.loseConnection();
            }

            @Override
            public void connectionLost(Failure reason) {
                transport.write("some bytes to get lost".getBytes());
                transport.writeSequence(List.of("some".getBytes(), "more".getBytes()));
                finished.add(true);
                if (--remaining[0] == 0) {
                    reactor.stop();
                }
            }
        }
        class WritingClosingLaterProtocol extends ClosingLaterProtocol {
            @Override
            public void connectionMade() {
                transport.write("x".getBytes());
            }
        }
        String path = mktemp();
        IListeningPort port = reactor.listenUNIX(path, ServerFactory.forProtocol(ClosingLaterProtocol::new), 50, 0666, false);
        reactor.callWhenRunning(() -> reactor.connectUNIX(path,
                ClientFactory.forProtocol(WritingClosingLaterProtocol::new), 30, false));
        UnixClientTestsBuilderTests.runReactor(reactor);
        port.stopListening();
        assertEquals(List.of(true, true), finished);
    }

    /**
     * After the connection a protocol is being used for is closed, the reactor discards all of
     * its references to the protocol.
     */
    @Test
    public void test_protocolGarbageAfterLostConnection() throws IOException {
        SelectReactor reactor = new SelectReactor();
        Protocol[] clientProtocol = {new Protocol() {
            @Override
            public void connectionMade() {
                transport.loseConnection();
            }

            @Override
            public void connectionLost(Failure reason) {
                reactor.stop();
            }
        }};
        WeakReference<Protocol> clientRef = new WeakReference<>(clientProtocol[0]);
        String path = mktemp();
        IListeningPort port = reactor.listenUNIX(path, ServerFactory.forProtocol(Protocol::new), 50, 0666, false);
        ClientFactory factory = new ClientFactory() {
            @Override
            public Protocol buildProtocol(IAddress addr) {
                Protocol p = clientProtocol[0];
                clientProtocol[0] = null;
                return p;
            }
        };
        reactor.callWhenRunning(() -> reactor.connectUNIX(path, factory, 30, false));
        UnixClientTestsBuilderTests.runReactor(reactor);
        port.stopListening();
        for (int i = 0; i < 50 && clientRef.get() != null; i++) {
            System.gc();
        }
        assertNull(clientRef.get());
    }
}
