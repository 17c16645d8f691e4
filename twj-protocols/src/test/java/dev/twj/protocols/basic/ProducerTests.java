package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.strs;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.ProducerTests}: tests for
 * {@code basic._PausableMixin} and {@link LineReceiver#paused}.
 */
class ProducerTests extends SynchronousTestCase {
    /**
     * Transport which isn't really a transport, just looks like one to someone not looking very
     * hard.
     */
    static class OnlyProducerTransport implements ITransport, IPushProducer {
        boolean paused;
        boolean disconnecting;
        final List<byte[]> data = new ArrayList<>();

        @Override
        public void pauseProducing() {
            paused = true;
        }

        @Override
        public void resumeProducing() {
            paused = false;
        }

        @Override
        public void stopProducing() {
            throw new UnsupportedOperationException("not in Twisted's OnlyProducerTransport");
        }

        @Override
        public void write(byte[] bytes) {
            data.add(bytes);
        }

        @Override
        public void writeSequence(Iterable<byte[]> seq) {
            throw new UnsupportedOperationException("not in Twisted's OnlyProducerTransport");
        }

        @Override
        public void loseConnection() {
            throw new UnsupportedOperationException("not in Twisted's OnlyProducerTransport");
        }

        @Override
        public IAddress getPeer() {
            throw new UnsupportedOperationException("not in Twisted's OnlyProducerTransport");
        }

        @Override
        public IAddress getHost() {
            throw new UnsupportedOperationException("not in Twisted's OnlyProducerTransport");
        }
    }

    /** Protocol that really, really doesn't want any more bytes. */
    static class ConsumingProtocol extends LineReceiver {
        @Override
        public void lineReceived(byte[] line) {
            transport.write(line);
            pauseProducing();
        }
    }

    /**
     * When {@link LineReceiver} is paused, it doesn't deliver lines to
     * {@link LineReceiver#lineReceived} and delivers them immediately upon being resumed.
     *
     * <p>{@code ConsumingProtocol} is a {@code LineReceiver} that pauses itself after every line,
     * and writes that line to its transport.
     */
    public void test_pauseResume() {
        ConsumingProtocol p = new ConsumingProtocol();
        OnlyProducerTransport t = new OnlyProducerTransport();
        p.makeConnection(t);

        // Deliver a partial line.
        // This doesn't trigger a pause and doesn't deliver a line.
        p.dataReceived(b("hello, "));
        assertEqual(strs(t.data), List.of());
        assertFalse(t.paused);
        assertFalse(p.paused);

        // Deliver the rest of the line.
        // This triggers the pause, and the line is echoed.
        p.dataReceived(b("world\r\n"));
        assertEqual(strs(t.data), List.of("hello, world"));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Unpausing doesn't deliver more data, and the protocol is unpaused.
        p.resumeProducing();
        assertEqual(strs(t.data), List.of("hello, world"));
        assertFalse(t.paused);
        assertFalse(p.paused);

        // Deliver two lines at once.
        // The protocol is paused after receiving and echoing the first line.
        p.dataReceived(b("hello\r\nworld\r\n"));
        assertEqual(strs(t.data), List.of("hello, world", "hello"));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Unpausing delivers the waiting line, and causes the protocol to pause again.
        p.resumeProducing();
        assertEqual(strs(t.data), List.of("hello, world", "hello", "world"));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Deliver a line while paused.
        // This doesn't have a visible effect.
        p.dataReceived(b("goodbye\r\n"));
        assertEqual(strs(t.data), List.of("hello, world", "hello", "world"));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Unpausing delivers the waiting line, and causes the protocol to pause again.
        p.resumeProducing();
        assertEqual(strs(t.data), List.of("hello, world", "hello", "world", "goodbye"));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Unpausing doesn't deliver more data, and the protocol is unpaused.
        p.resumeProducing();
        assertEqual(strs(t.data), List.of("hello, world", "hello", "world", "goodbye"));
        assertFalse(t.paused);
        assertFalse(p.paused);
    }
}
