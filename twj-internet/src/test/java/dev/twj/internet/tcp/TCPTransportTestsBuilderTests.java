package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.internet.test.test_tcp.TCPTransportTestsBuilder} (as
 * {@code TCPTransportTestsBuilderTests}, on SelectReactor): its {@code WriteSequenceTestsMixin} and
 * {@code TCPTransportServerAddressTestMixin}.
 */
class TCPTransportTestsBuilderTests extends ReactorBuilder {
    /** The connected client and server protocols, and the port. */
    record Connected(AccumulatingProtocol client, AccumulatingProtocol server, IListeningPort port) {}

    /**
     * Connects a client to a server on {@code interface_}, calls {@code connected} with both
     * protocols once both are connected, and stops the reactor once both are disconnected.
     */
    void getConnectedClientAndServer(SelectReactor reactor, String interface_, Consumer<Connected> connected) {
        Factories.MyServerFactory server = new Factories.MyServerFactory();
        server.protocolConnectionMade = new Deferred<>();
        server.protocolConnectionLost = new Deferred<>();
        Factories.MyClientFactory client = new Factories.MyClientFactory();
        client.protocolConnectionMade = new Deferred<>();
        client.protocolConnectionLost = new Deferred<>();
        IListeningPort port = reactor.listenTCP(0, server, 50, interface_);
        int[] lost = {2};
        for (Deferred<Void> d : List.of(client.protocolConnectionLost, server.protocolConnectionLost)) {
            d.addCallback(ignored -> {
                if (--lost[0] == 0) {
                    reactor.stop();
                }
                return null;
            });
        }
        AccumulatingProtocol[] made = new AccumulatingProtocol[2];
        int[] remaining = {2};
        Runnable start = () -> {
            if (--remaining[0] == 0) {
                try {
                    connected.accept(new Connected(made[0], made[1], port));
                } catch (RuntimeException | AssertionError e) {
                    reactor.stop();
                    throw e;
                }
            }
        };
        client.protocolConnectionMade.addCallback(p -> {
            made[0] = p;
            start.run();
            return null;
        });
        server.protocolConnectionMade.addCallback(p -> {
            made[1] = p;
            start.run();
            return null;
        });
        reactor.connectTCP(interface_, portOf(port.getHost()), client);
    }

    static void setWriteBufferSize(Object transport, int value) {
        ((FileDescriptor) transport).bufferSize = value;
    }

    /** C{writeSequence} sends the data even if C{write} hasn't been called. */
    @Test
    public void test_writeSequeceWithoutWrite() {
        SelectReactor reactor = buildReactor();
        List<String> received = new ArrayList<>();
        getConnectedClientAndServer(reactor, "127.0.0.1", protocols -> {
            Factories.MyAccumulatingProtocol server = (Factories.MyAccumulatingProtocol) protocols.server();
            server.onData = data -> {
                received.add(new String(data));
                protocols.client().transport.loseConnection();
            };
            protocols.client().transport.writeSequence(List.of("Some ".getBytes(), "sequence ".getBytes(),
                    "splitted".getBytes()));
        });
        runReactor(reactor);
        assertEquals(List.of("Some sequence splitted"), received);
    }

    /**
     * C{writeSequence} pauses its streaming producer if too much data is buffered, and then
     * resumes it.
     */
    @Test
    public void test_streamingProducer() {
        SelectReactor reactor = buildReactor();
        class SaveActionProducer implements IPushProducer {
            AccumulatingProtocol client;
            AccumulatingProtocol server;
            final List<String> actions = Collections.synchronizedList(new ArrayList<>());

            @Override
            public void pauseProducing() {
                actions.add("pause");
            }

            @Override
            public void resumeProducing() {
                actions.add("resume");
                // Unregister the producer so the connection can close
                ((FileDescriptor) client.transport).unregisterProducer();
                // This is why the code below waits for the server connection
                // first - so we have it to close here.  We close the server
                // side because win32evenreactor cannot reliably observe us
                // closing the client side (#5285).
                server.transport.loseConnection();
            }

            @Override
            public void stopProducing() {
                actions.add("stop");
            }
        }
        SaveActionProducer producer = new SaveActionProducer();
        getConnectedClientAndServer(reactor, "127.0.0.1", protocols -> {
            producer.client = protocols.client();
            producer.server = protocols.server();
            // Register a streaming producer and verify that it gets paused
            // after it writes more than the local send buffer can hold.
            ((FileDescriptor) protocols.client().transport).registerProducer(producer, true);
            assertEquals(List.of(), producer.actions);
            setWriteBufferSize(protocols.client().transport, 500);
            protocols.client().transport.writeSequence(Collections.nCopies(20, new byte[50]));
            assertEquals(List.of("pause"), producer.actions);
        });
        runReactor(reactor);
        // After the send buffer gets a chance to empty out a bit, the producer
        // should be resumed.
        assertEquals(List.of("pause", "resume"), producer.actions);
    }

    /**
     * C{writeSequence} pauses its producer if too much data is buffered only if this is a
     * streaming producer.
     */
    @Test
    public void test_nonStreamingProducer() {
        SelectReactor reactor = buildReactor();
        class SaveActionProducer implements IPullProducer {
            AccumulatingProtocol client;
            final List<String> actions = new ArrayList<>();

            @Override
            public void resumeProducing() {
                actions.add("resume");
                if (Collections.frequency(actions, "resume") == 2) {
                    ((FileDescriptor) client.transport).stopConsuming();
                } else {
                    setWriteBufferSize(client.transport, 500);
                    client.transport.writeSequence(Collections.nCopies(20, new byte[50]));
                }
            }

            @Override
            public void stopProducing() {
                actions.add("stop");
            }
        }
        SaveActionProducer producer = new SaveActionProducer();
        getConnectedClientAndServer(reactor, "127.0.0.1", protocols -> {
            producer.client = protocols.client();
            // Register a non-streaming producer and verify that it is resumed
            // immediately.
            ((FileDescriptor) protocols.client().transport).registerProducer(producer, false);
            assertEquals(List.of("resume"), producer.actions);
        });
        runReactor(reactor);
        // After the local send buffer empties out, the producer should be
        // resumed again.
        assertEquals(List.of("resume", "resume"), producer.actions);
    }

    void testServerAddress(String interface_, Class<? extends IAddress> addressClass) {
        SelectReactor reactor = buildReactor();
        getConnectedClientAndServer(reactor, interface_, protocols -> {
            Server transport = (Server) protocols.server().transport;
            try {
                assertEquals("<AccumulatingProtocol #" + transport.sessionno + " on "
                        + portOf(protocols.port().getHost()) + ">", transport.toString());
                assertEquals("AccumulatingProtocol," + transport.sessionno + "," + interface_, transport.logstr());
                List<IAddress> peerAddresses = ((Factories.MyServerFactory) transport.server().factory()).peerAddresses;
                assertEquals(1, peerAddresses.size());
                IAddress peerAddress = peerAddresses.get(0);
                assertInstanceOf(addressClass, peerAddress);
                assertEquals(interface_, hostOf(peerAddress));
            } finally {
                transport.loseConnection();
            }
        });
        runReactor(reactor);
    }

    /**
     * {@link Server} instances have a string representation indicating on which port they're
     * running, and the connected address is stored on the peer address.
     */
    @Test
    public void test_serverAddressTCP4() {
        testServerAddress("127.0.0.1", IPv4Address.class);
    }
}
