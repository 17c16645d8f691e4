package dev.twj.protocols.loopback;

import static dev.twj.protocols.loopback.LoopbackTestSupport.b;
import static dev.twj.protocols.loopback.LoopbackTestSupport.s;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.task.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Port of {@code twisted.test.test_loopback.LoopbackAsyncTests}: {@link Loopback#loopbackAsync},
 * run on a {@link Clock} (passed as its first argument) where Twisted uses the global reactor.
 */
class LoopbackAsyncTests extends LoopbackTestCaseMixin {
    private final Clock clock = new Clock();

    @Override
    public Deferred<Void> loopbackFunc(IProtocol server, IProtocol client) {
        return Loopback.loopbackAsync(clock, server, client);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /**
     * Test that the client and server protocol both have makeConnection invoked on them by
     * loopbackAsync.
     */
    public void test_makeConnection() {
        class TestProtocol extends Protocol {
            @Override
            public void makeConnection(ITransport transport) {
                this.transport = transport;
            }
        }

        TestProtocol server = new TestProtocol();
        TestProtocol client = new TestProtocol();
        Loopback.loopbackAsync(clock, server, client);
        assertIsNot(client.transport, null);
        assertIsNot(server.transport, null);
    }

    /** Test one of the permutations of client/server host/peer. */
    private void hostpeertest(Function<ITransport, IAddress> get, boolean testServer) {
        class TestProtocol extends Protocol {
            Deferred<ITransport> onConnection;

            @Override
            public void makeConnection(ITransport transport) {
                super.makeConnection(transport);
                onConnection.callback(transport);
            }
        }

        Protocol server;
        Protocol client;
        Deferred<ITransport> d;
        if (testServer) {
            TestProtocol s = new TestProtocol();
            d = s.onConnection = new Deferred<>();
            server = s;
            client = new Protocol();
        } else {
            server = new Protocol();
            TestProtocol c = new TestProtocol();
            d = c.onConnection = new Deferred<>();
            client = c;
        }

        Loopback.loopbackAsync(clock, server, client);

        d.addCallback(transport -> {
            IAddress host = get.apply(transport);
            assertIsInstance(host, IAddress.class);
            return null;
        });
        LoopbackTestSupport.run(clock, d);
    }

    /**
     * Test that the server gets a transport with a properly functioning implementation of
     * {@link ITransport#getHost}.
     */
    public void test_serverHost() {
        hostpeertest(ITransport::getHost, true);
    }

    /** Like {@code test_serverHost} but for {@link ITransport#getPeer}. */
    public void test_serverPeer() {
        hostpeertest(ITransport::getPeer, true);
    }

    /**
     * Test that the client gets a transport with a properly functioning implementation of
     * {@link ITransport#getHost}.
     */
    public void test_clientHost() {
        hostpeertest(ITransport::getHost, false);
    }

    /** Like {@code test_clientHost} but for {@link ITransport#getPeer}. */
    public void test_clientPeer() {
        hostpeertest(ITransport::getPeer, false);
    }

    /**
     * Test one of the permutations of write/writeSequence client/server.
     *
     * @param write the name of the method to test, {@code "write"} or {@code "writeSequence"}
     */
    private void greetingtest(String write, boolean testServer) {
        class GreeteeProtocol extends Protocol {
            String bytes = "";
            Deferred<Void> received;

            @Override
            public void dataReceived(byte[] data) {
                bytes += s(data);
                if (bytes.equals("bytes")) {
                    received.callback(null);
                }
            }
        }

        class GreeterProtocol extends Protocol {
            @Override
            public void connectionMade() {
                if (write.equals("write")) {
                    transport.write(b("bytes"));
                } else {
                    transport.writeSequence(List.of(b("byt"), b("es")));
                }
            }
        }

        Protocol server;
        Protocol client;
        Deferred<Void> d;
        if (testServer) {
            server = new GreeterProtocol();
            GreeteeProtocol c = new GreeteeProtocol();
            d = c.received = new Deferred<>();
            client = c;
        } else {
            GreeteeProtocol s = new GreeteeProtocol();
            d = s.received = new Deferred<>();
            server = s;
            client = new GreeterProtocol();
        }

        Loopback.loopbackAsync(clock, server, client);
        LoopbackTestSupport.run(clock, d);
    }

    /**
     * Test that on a connection where the client speaks first, the server receives the bytes
     * sent by the client.
     */
    public void test_clientGreeting() {
        greetingtest("write", false);
    }

    /** Like {@code test_clientGreeting}, but use {@code writeSequence} instead of {@code write}. */
    public void test_clientGreetingSequence() {
        greetingtest("writeSequence", false);
    }

    /**
     * Test that on a connection where the server speaks first, the client receives the bytes
     * sent by the server.
     */
    public void test_serverGreeting() {
        greetingtest("write", true);
    }

    /** Like {@code test_serverGreeting}, but use {@code writeSequence} instead of {@code write}. */
    public void test_serverGreetingSequence() {
        greetingtest("writeSequence", true);
    }

    /** A producer the producing protocol starts on its transport. */
    interface StartableProducer extends IProducer {
        void start(IConsumer consumer);
    }

    /** A protocol that starts a producer on its transport when connected. */
    static final class ProducingProtocol extends Protocol {
        final Function<List<byte[]>, StartableProducer> producerClass;
        final List<byte[]> toProduce;
        StartableProducer producer;

        ProducingProtocol(Function<List<byte[]>, StartableProducer> producerClass, List<byte[]> toProduce) {
            this.producerClass = producerClass;
            this.toProduce = toProduce;
        }

        @Override
        public void connectionMade() {
            producer = producerClass.apply(new ArrayList<>(toProduce));
            producer.start((IConsumer) transport);
        }
    }

    private ProducingProtocol producertest(Function<List<byte[]>, StartableProducer> producerClass) {
        List<byte[]> toProduce = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            toProduce.add(b(Integer.toString(i)));
            all.append(i);
        }

        class ReceivingProtocol extends Protocol {
            String bytes = "";
            final Deferred<Void> received = new Deferred<>();

            @Override
            public void dataReceived(byte[] data) {
                bytes += s(data);
                if (bytes.equals(all.toString())) {
                    received.callback(null);
                }
            }
        }

        ProducingProtocol server = new ProducingProtocol(producerClass, toProduce);
        ReceivingProtocol client = new ReceivingProtocol();

        Loopback.loopbackAsync(clock, server, client);
        LoopbackTestSupport.run(clock, client.received);
        return server;
    }

    /** Test a push producer registered against a loopback transport. */
    public void test_pushProducer() {
        class PushProducer implements IPushProducer, StartableProducer {
            boolean resumed;
            final List<byte[]> toProduce;
            IConsumer consumer;

            PushProducer(List<byte[]> toProduce) {
                this.toProduce = toProduce;
            }

            @Override
            public void resumeProducing() {
                resumed = true;
            }

            @Override
            public void pauseProducing() {}

            @Override
            public void stopProducing() {}

            @Override
            public void start(IConsumer consumer) {
                this.consumer = consumer;
                consumer.registerProducer(this, true);
                produceAndSchedule();
            }

            void produceAndSchedule() {
                if (!toProduce.isEmpty()) {
                    consumer.write(toProduce.remove(0));
                    clock.callLater(0, this::produceAndSchedule);
                } else {
                    consumer.unregisterProducer();
                }
            }
        }

        ProducingProtocol server = producertest(PushProducer::new);
        assertFalse(((PushProducer) server.producer).resumed,
                "Streaming producer should not have been resumed.");
    }

    /** Test a pull producer registered against a loopback transport. */
    public void test_pullProducer() {
        class PullProducer implements IPullProducer, StartableProducer {
            final List<byte[]> toProduce;
            IConsumer consumer;

            PullProducer(List<byte[]> toProduce) {
                this.toProduce = toProduce;
            }

            @Override
            public void start(IConsumer consumer) {
                this.consumer = consumer;
                consumer.registerProducer(this, false);
            }

            @Override
            public void resumeProducing() {
                consumer.write(toProduce.remove(0));
                if (toProduce.isEmpty()) {
                    consumer.unregisterProducer();
                }
            }

            @Override
            public void stopProducing() {}
        }

        producertest(PullProducer::new);
    }

    /**
     * {@link Loopback#loopbackAsync} does not call a protocol's {@code dataReceived} method while
     * that protocol's transport's {@code write} method is higher up on the stack.
     */
    public void test_writeNotReentrant() {
        class Server extends Protocol {
            @Override
            public void dataReceived(byte[] bytes) {
                transport.write(b("bytes"));
            }
        }

        class Client extends Protocol {
            boolean ready;
            boolean wasReady;

            @Override
            public void connectionMade() {
                clock.callLater(0, this::go);
            }

            void go() {
                transport.write(b("foo"));
                ready = true;
            }

            @Override
            public void dataReceived(byte[] bytes) {
                wasReady = ready;
                transport.loseConnection();
            }
        }

        Server server = new Server();
        Client client = new Client();
        Deferred<Void> d = Loopback.loopbackAsync(clock, client, server);
        d.addCallback(ignored -> {
            assertTrue(client.wasReady);
            return null;
        });
        LoopbackTestSupport.run(clock, d);
    }

    /** One call of a pump policy: the target and the items it took from the queue. */
    record PumpCall(IProtocol target, List<String> bytes) {}

    /**
     * The callable passed as the value for the {@code pumpPolicy} parameter to
     * {@link Loopback#loopbackAsync} is called with a {@link LoopbackQueue} of pending bytes and
     * a protocol to which they should be delivered.
     */
    public void test_pumpPolicy() {
        List<PumpCall> pumpCalls = new ArrayList<>();

        PumpPolicy dummyPolicy = (queue, target) -> {
            List<String> bytes = new ArrayList<>();
            while (!queue.isEmpty()) {
                bytes.add(s(queue.get()));
            }
            pumpCalls.add(new PumpCall(target, bytes));
        };

        Protocol client = new Protocol();
        Protocol server = new Protocol();

        Deferred<Void> finished = Loopback.loopbackAsync(clock, server, client, dummyPolicy);
        assertEqual(pumpCalls, List.of());

        client.transport.write(b("foo"));
        client.transport.write(b("bar"));
        server.transport.write(b("baz"));
        server.transport.write(b("quux"));
        server.transport.loseConnection();

        finished.addCallback(ignored -> {
            List<String> toClient = new ArrayList<>(List.of("baz", "quux"));
            toClient.add(null);
            // The order here is somewhat arbitrary.  The implementation happens to always
            // deliver data to the client first.
            assertEqual(pumpCalls, List.of(new PumpCall(client, toClient), new PumpCall(server, List.of("foo", "bar"))));
            return null;
        });
        LoopbackTestSupport.run(clock, finished);
    }

    /** A protocol whose dataReceived appends to a list: Twisted's {@code client.dataReceived = bytes.append}. */
    private static Protocol appendingProtocol(List<String> bytes) {
        return new Protocol() {
            @Override
            public void dataReceived(byte[] data) {
                bytes.add(s(data));
            }
        };
    }

    /**
     * {@link Loopback#identityPumpPolicy} is a pump policy which calls the target's
     * {@code dataReceived} method one for each string in the queue passed to it.
     */
    public void test_identityPumpPolicy() {
        List<String> bytes = new ArrayList<>();
        Protocol client = appendingProtocol(bytes);
        LoopbackQueue queue = new LoopbackQueue();
        queue.put(b("foo"));
        queue.put(b("bar"));
        queue.put(null);

        Loopback.identityPumpPolicy(queue, client);

        assertEqual(bytes, List.of("foo", "bar"));
    }

    /**
     * {@link Loopback#collapsingPumpPolicy} is a pump policy which calls the target's
     * {@code dataReceived} only once with all of the strings in the queue passed to it joined
     * together.
     */
    public void test_collapsingPumpPolicy() {
        List<String> bytes = new ArrayList<>();
        Protocol client = appendingProtocol(bytes);
        LoopbackQueue queue = new LoopbackQueue();
        queue.put(b("foo"));
        queue.put(b("bar"));
        queue.put(null);

        Loopback.collapsingPumpPolicy(queue, client);

        assertEqual(bytes, List.of("foobar"));
    }
}
