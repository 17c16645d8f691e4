package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionClosed;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.ClientCreator;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.ProperlyCloseFilesMixin} as used by
 * {@code ProperlyCloseFilesTests}: the sockets created by connectTCP are cleaned up when their
 * connection is closed. Twisted checks that sending on the saved socket handle fails with EBADF;
 * Java's analogue is a ClosedChannelException from the saved SocketChannel.
 */
class ProperlyCloseFilesTests extends ReactorBuilder {
    /** Fires a Deferred, passed to its constructor, when the connection is lost. */
    static class ConnectionLostNotifyingProtocol extends Protocol {
        Failure lostConnectionReason;
        final Deferred<ConnectionLostNotifyingProtocol> onConnectionLost;

        ConnectionLostNotifyingProtocol(Deferred<ConnectionLostNotifyingProtocol> onConnectionLost) {
            this.onConnectionLost = onConnectionLost;
        }

        @Override
        public void connectionLost(Failure reason) {
            lostConnectionReason = reason;
            onConnectionLost.callback(this);
        }
    }

    /** Saves the platform socket handle when the connection is established. */
    static final class HandleSavingProtocol extends ConnectionLostNotifyingProtocol {
        SocketChannel handle;

        HandleSavingProtocol(Deferred<ConnectionLostNotifyingProtocol> onConnectionLost) {
            super(onConnectionLost);
        }

        @Override
        public void makeConnection(ITransport transport) {
            handle = (SocketChannel) ((Connection) transport).fileno();
            super.makeConnection(transport);
        }
    }

    /** Lost connections properly have their underlying socket resources cleaned up. */
    @Test
    public void test_properlyCloseFiles() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            Deferred<ConnectionLostNotifyingProtocol> onServerConnectionLost = new Deferred<>();
            ServerFactory serverFactory = new ServerFactory();
            serverFactory.protocol = () -> new ConnectionLostNotifyingProtocol(onServerConnectionLost);
            IListeningPort serverPort = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
            Deferred<ConnectionLostNotifyingProtocol> onClientConnectionLost = new Deferred<>();
            ClientCreator<HandleSavingProtocol> clientCreator = new ClientCreator<>(
                    reactor, () -> new HandleSavingProtocol(onClientConnectionLost));
            Deferred<Object> clientDeferred = clientCreator
                    .connectTCP(hostOf(serverPort.getHost()), portOf(serverPort.getHost()))
                    .addCallbackDeferred(client -> {
                        // Disconnect the client; fire when both sides got disconnect notification.
                        client.transport.write("some bytes to make sure the connection is set up".getBytes(
                                java.nio.charset.StandardCharsets.UTF_8));
                        client.transport.loseConnection();
                        return Defer.gatherResults(List.of(onClientConnectionLost, onServerConnectionLost));
                    })
                    .addCallback(result -> {
                        // Verify that the underlying platform socket handle has been cleaned up.
                        HandleSavingProtocol client = (HandleSavingProtocol) result.get(0);
                        ConnectionLostNotifyingProtocol server = result.get(1);
                        if (client.lostConnectionReason.check(ConnectionClosed.class) == null) {
                            throw client.lostConnectionReason.raiseException();
                        }
                        if (server.lostConnectionReason.check(ConnectionClosed.class) == null) {
                            throw server.lostConnectionReason.raiseException();
                        }
                        assertThrows(ClosedChannelException.class,
                                () -> client.handle.write(ByteBuffer.wrap(new byte[] {'b'})));
                        return null;
                    });
            // Shut down the server port, passing the result through.
            return clientDeferred.addBothDeferred(passthrough -> serverPort.stopListening().addCallback(ign -> passthrough));
        });
    }
}
