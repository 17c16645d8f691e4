package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.strs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.protocols.test.test_basic.ProducerTests}: tests for
 * {@code basic._PausableMixin} and {@link LineReceiver#paused}.
 */
class ProducerTests {
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
    @Test
    public void test_pauseResume() {
        ConsumingProtocol p = new ConsumingProtocol();
        OnlyProducerTransport t = new OnlyProducerTransport();
        p.makeConnection(t);

        // Deliver a partial line.
        // This doesn't trigger a pause and doesn't deliver a line.
        p.dataReceived(b("hello, "));
        assertEquals(List.of(), strs(t.data));
        assertFalse(t.paused);
        assertFalse(p.paused);

        // Deliver the rest of the line.
        // This triggers the pause, and the line is echoed.
        p.dataReceived(b("world\r\n"));
        assertEquals(List.of("hello, world"), strs(t.data));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Unpausing doesn't deliver more data, and the protocol is unpaused.
        p.resumeProducing();
        assertEquals(List.of("hello, world"), strs(t.data));
        assertFalse(t.paused);
        assertFalse(p.paused);

        // Deliver two lines at once.
        // The protocol is paused after receiving and echoing the first line.
        p.dataReceived(b("hello\r\nworld\r\n"));
        assertEquals(List.of("hello, world", "hello"), strs(t.data));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Unpausing delivers the waiting line, and causes the protocol to pause again.
        p.resumeProducing();
        assertEquals(List.of("hello, world", "hello", "world"), strs(t.data));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Deliver a line while paused.
        // This doesn't have a visible effect.
        p.dataReceived(b("goodbye\r\n"));
        assertEquals(List.of("hello, world", "hello", "world"), strs(t.data));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Unpausing delivers the waiting line, and causes the protocol to pause again.
        p.resumeProducing();
        assertEquals(List.of("hello, world", "hello", "world", "goodbye"), strs(t.data));
        assertTrue(t.paused);
        assertTrue(p.paused);

        // Unpausing doesn't deliver more data, and the protocol is unpaused.
        p.resumeProducing();
        assertEquals(List.of("hello, world", "hello", "world", "goodbye"), strs(t.data));
        assertFalse(t.paused);
        assertFalse(p.paused);
    }
}
