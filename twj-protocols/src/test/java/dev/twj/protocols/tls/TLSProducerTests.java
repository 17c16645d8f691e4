package dev.twj.protocols.tls;

import static dev.twj.protocols.tls.TLSTestSupport.b;
import static dev.twj.protocols.tls.TLSTestSupport.s;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.ssl.ClientContextFactory;
import dev.twj.internet.testing.StringTransport;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;

/** Port of {@code TLSProducerTests}: the TLS transport supports the IConsumer interface. */
class TLSProducerTests extends SynchronousTestCase {
    /** A StringTransport that records the producer calls it gets. */
    static class HistoryStringTransport extends StringTransport {
        final List<String> producerHistory = new ArrayList<>();

        @Override
        public void pauseProducing() {
            producerHistory.add("pause");
            super.pauseProducing();
        }

        @Override
        public void resumeProducing() {
            producerHistory.add("resume");
            super.resumeProducing();
        }

        @Override
        public void stopProducing() {
            producerHistory.add("stop");
            super.stopProducing();
        }
    }

    record Built(TLSMemoryBIOTests.AccumulatingProtocol clientProtocol, TLSMemoryBIOProtocol tlsProtocol) {
        StringTransport transport() {
            return (StringTransport) tlsProtocol.transport;
        }
    }

    /**
     * Creates a protocol hooked up to a TLS transport hooked up to a StringTransport. Port of
     * {@code buildTLSProtocol}.
     */
    static Built buildTLSProtocol(boolean server) {
        // We want to accumulate bytes without disconnecting, so set high limit:
        TLSMemoryBIOTests.AccumulatingProtocol clientProtocol = new TLSMemoryBIOTests.AccumulatingProtocol(999_999_999);
        Object contextFactory = server ? TLSMemoryBIOTests.serverTLSContext() : new ClientContextFactory();
        TLSMemoryBIOFactory wrapperFactory = new TLSMemoryBIOFactory(contextFactory, !server,
                ClientFactory.forProtocol(() -> clientProtocol));
        TLSMemoryBIOProtocol sslProtocol = (TLSMemoryBIOProtocol) wrapperFactory.buildProtocol(null);
        sslProtocol.makeConnection(new StringTransport());
        return new Built(clientProtocol, sslProtocol);
    }

    /** Drains the bytes pending write from a StringTransport, then clears it. */
    private byte[] drain(StringTransport transport, boolean allowEmpty) {
        byte[] value = transport.value();
        transport.clear();
        assertTrue(allowEmpty || value.length > 0);
        return value;
    }

    record Streaming(TLSMemoryBIOTests.AccumulatingProtocol clientProtocol, TLSMemoryBIOProtocol tlsProtocol,
            HistoryStringTransport producer) {}

    /** Creates a client-side protocol connected to a TLS transport, with a streaming producer. */
    private Streaming setupStreamingProducer() {
        Built built = buildTLSProtocol(false);
        HistoryStringTransport producer = new HistoryStringTransport();
        ((IConsumer) built.clientProtocol().transport).registerProducer(producer, true);
        assertTrue(built.transport().streaming);
        return new Streaming(built.clientProtocol(), built.tlsProtocol(), producer);
    }

    /** Transfers bytes back and forth between two TLS protocols. */
    private void flushTwoTLSProtocols(TLSMemoryBIOProtocol tlsProtocol, TLSMemoryBIOProtocol serverTLSProtocol) {
        StringTransport ct = (StringTransport) tlsProtocol.transport;
        StringTransport st = (StringTransport) serverTLSProtocol.transport;
        // We want to make sure all bytes are passed back and forth; 3 rounds should be enough
        // (twj runs more, as TLS 1.3 and session tickets may take one more round trip).
        for (int i = 0; i < 6; i++) {
            byte[] clientData = drain(ct, true);
            if (clientData.length > 0) {
                serverTLSProtocol.dataReceived(clientData);
            }
            byte[] serverData = drain(st, true);
            if (serverData.length > 0) {
                tlsProtocol.dataReceived(serverData);
            }
            if (serverData.length == 0 && clientData.length == 0) {
                break;
            }
        }
        assertEqual(ct.value().length, 0);
        assertEqual(st.value().length, 0);
    }

    private static IConsumer consumer(Streaming st) {
        return (IConsumer) st.clientProtocol().transport;
    }

    private static IPushProducer transportProducer(TLSMemoryBIOProtocol tlsProtocol) {
        return (IPushProducer) ((StringTransport) tlsProtocol.transport).producer;
    }

    /** When the TLS transport is not blocked on reads, it correctly calls pauseProducing. */
    public void test_streamingProducerPausedInNormalMode() {
        Streaming st = setupStreamingProducer();
        // The TLS protocol's transport pretends to be full, pausing its producer:
        transportProducer(st.tlsProtocol()).pauseProducing();
        assertEqual(st.producer().producerState, "paused");
        assertEqual(st.producer().producerHistory, List.of("pause"));
        assertTrue(((ProducerMembrane) st.tlsProtocol().producer()).producerPaused);
    }

    /** When the TLS transport is not blocked on reads, it correctly calls resumeProducing. */
    public void test_streamingProducerResumedInNormalMode() {
        Streaming st = setupStreamingProducer();
        transportProducer(st.tlsProtocol()).pauseProducing();
        assertEqual(st.producer().producerHistory, List.of("pause"));
        // The TLS protocol's transport pretends to have written everything out:
        transportProducer(st.tlsProtocol()).resumeProducing();
        assertEqual(st.producer().producerState, "producing");
        assertEqual(st.producer().producerHistory, List.of("pause", "resume"));
        assertFalse(((ProducerMembrane) st.tlsProtocol().producer()).producerPaused);
    }

    /** When the TLS transport is blocked on reads, it correctly calls pauseProducing. */
    public void test_streamingProducerPausedInWriteBlockedOnReadMode() {
        Streaming st = setupStreamingProducer();
        // Writing before the handshake is finished must wait for the handshake: the producer
        // is paused.
        st.clientProtocol().transport.write(b("hello"));
        assertEqual(st.producer().producerState, "paused");
        assertEqual(st.producer().producerHistory, List.of("pause"));
        assertTrue(((ProducerMembrane) st.tlsProtocol().producer()).producerPaused);
    }

    /** When the TLS transport is blocked on reads, it correctly calls resumeProducing. */
    public void test_streamingProducerResumedInWriteBlockedOnReadMode() {
        Streaming st = setupStreamingProducer();
        // A large chunk of data makes sure large writes don't trigger multiple pauses:
        st.clientProtocol().transport.write(b("hello world".repeat(320000)));
        assertEqual(st.producer().producerHistory, List.of("pause"));
        // Now deliver bytes that will fix the WantRead condition; this unpauses the producer:
        Built server = buildTLSProtocol(true);
        flushTwoTLSProtocols(st.tlsProtocol(), server.tlsProtocol());
        assertEqual(st.producer().producerHistory, List.of("pause", "resume"));
        assertFalse(((ProducerMembrane) st.tlsProtocol().producer()).producerPaused);
        // Make sure we haven't disconnected for some reason:
        assertFalse(((StringTransport) st.tlsProtocol().transport).disconnecting);
        assertEqual(st.producer().producerState, "producing");
    }

    /** Registering a streaming producer twice throws an exception. */
    public void test_streamingProducerTwice() {
        Streaming st = setupStreamingProducer();
        IPushProducer originalProducer = st.tlsProtocol().producer();
        assertRaises(IllegalStateException.class, () -> consumer(st).registerProducer(new StringTransport(), true));
        assertIs(st.tlsProtocol().producer(), originalProducer);
    }

    /** Unregistering a streaming producer removes it, reverting to initial state. */
    public void test_streamingProducerUnregister() {
        Streaming st = setupStreamingProducer();
        consumer(st).unregisterProducer();
        assertIs(st.tlsProtocol().producer(), null);
        assertIs(((StringTransport) st.tlsProtocol().transport).producer, null);
    }

    /** Unregistering a streaming producer when no producer is registered is safe. */
    public void test_streamingProducerUnregisterTwice() {
        Streaming st = setupStreamingProducer();
        consumer(st).unregisterProducer();
        consumer(st).unregisterProducer();
        assertIs(st.tlsProtocol().producer(), null);
        assertIs(((StringTransport) st.tlsProtocol().transport).producer, null);
    }

    private void loseConnectionWithProducer(boolean writeBlockedOnRead) {
        Streaming st = setupStreamingProducer();
        TLSMemoryBIOProtocol tlsProtocol = st.tlsProtocol();
        StringTransport transport = (StringTransport) tlsProtocol.transport;
        Built server = buildTLSProtocol(true);
        if (!writeBlockedOnRead) {
            // Do the initial handshake before write:
            flushTwoTLSProtocols(tlsProtocol, server.tlsProtocol());
        }
        // Now write, then lose connection:
        st.clientProtocol().transport.write(b("x "));
        st.clientProtocol().transport.loseConnection();
        flushTwoTLSProtocols(tlsProtocol, server.tlsProtocol());
        // Underlying transport should not have loseConnection called yet, nor should the
        // producer be stopped:
        assertFalse(transport.disconnecting);
        assertFalse(st.producer().producerHistory.contains("stop"));
        // Writes from client to server should continue to go through, since we haven't
        // unregistered the producer yet:
        st.clientProtocol().transport.write(b("hello"));
        st.clientProtocol().transport.writeSequence(List.of(b(" "), b("world")));
        // Unregister producer; this should trigger TLS shutdown:
        consumer(st).unregisterProducer();
        assertTrue(transport.value().length > 0);
        assertFalse(transport.disconnecting);
        // Additional writes should not go through:
        st.clientProtocol().transport.write(b("won't"));
        st.clientProtocol().transport.writeSequence(List.of(b("won't!")));
        // Finish TLS close handshake:
        flushTwoTLSProtocols(tlsProtocol, server.tlsProtocol());
        assertTrue(transport.disconnecting);
        // Bytes made it through, as long as they were written before the producer was
        // unregistered:
        assertEqual(s(server.clientProtocol().received.toByteArray()), "x hello world");
    }

    /**
     * loseConnection() waits for the producer to unregister itself, then does a clean TLS
     * close alert, then closes the underlying connection.
     */
    public void test_streamingProducerLoseConnectionWithProducer() {
        loseConnectionWithProducer(false);
    }

    /** The same, even when writes are blocked on reading. */
    public void test_streamingProducerLoseConnectionWithProducerWBOR() {
        loseConnectionWithProducer(true);
    }

    /** If the underlying transport tells its producer to stopProducing, the producer is told. */
    public void test_streamingProducerStopProducing() {
        Streaming st = setupStreamingProducer();
        transportProducer(st.tlsProtocol()).stopProducing();
        assertEqual(st.producer().producerState, "stopped");
    }

    /** ProducerMembrane implements IPushProducer. */
    public void test_interface() {
        assertIsInstance(new ProducerMembrane(new StringTransport()), IPushProducer.class);
    }

    private void registerProducerAfterConnectionLost(boolean streaming) {
        Built built = buildTLSProtocol(false);
        class Producer implements IPullProducer, IPushProducer {
            boolean stopped;

            @Override
            public void resumeProducing() {
                throw new AssertionError("this should never be called");
            }

            @Override
            public void pauseProducing() {
                throw new AssertionError("this should never be called");
            }

            @Override
            public void stopProducing() {
                stopped = true;
            }
        }
        // Disconnect the transport:
        built.tlsProtocol().connectionLost(new Failure(new ConnectionDone()));
        // Register the producer; startProducing should not be called, but stopProducing will:
        Producer producer = new Producer();
        built.tlsProtocol().registerProducer(producer, streaming);
        assertIs(built.transport().producer, null);
        assertTrue(producer.stopped);
    }

    /** A streaming producer registered after the transport has disconnected is stopped. */
    public void test_streamingProducerAfterConnectionLost() {
        registerProducerAfterConnectionLost(true);
    }

    /** A non-streaming producer registered after the transport has disconnected is stopped. */
    public void test_nonStreamingProducerAfterConnectionLost() {
        registerProducerAfterConnectionLost(false);
    }
}
