package dev.twj.internet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code twisted.internet.test.test_testing.StringTransportTests}. Twisted's RuntimeError
 * is Java's IllegalStateException.
 */
class StringTransportTests {
    private StringTransport transport;

    private static IProducer producer() {
        return () -> {};
    }

    @BeforeEach
    void setUp() {
        transport = new StringTransport();
    }

    /** StringTransport instances provide ITransport, IPushProducer, and IConsumer. */
    @Test
    public void test_interfaces() {
        Object t = transport;
        assertInstanceOf(ITransport.class, t);
        assertInstanceOf(IPushProducer.class, t);
        assertInstanceOf(IConsumer.class, t);
    }

    /** registerProducer records the arguments supplied to it as instance attributes. */
    @Test
    public void test_registerProducer() {
        IProducer producer = producer();
        transport.registerProducer(producer, true);
        assertSame(producer, transport.producer);
        assertEquals(Boolean.TRUE, transport.streaming);
    }

    /** registerProducer raises if a producer is already registered. */
    @Test
    public void test_disallowedRegisterProducer() {
        IProducer producer = producer();
        transport.registerProducer(producer, true);
        assertThrows(IllegalStateException.class, () -> transport.registerProducer(producer(), false));
        assertSame(producer, transport.producer);
        assertTrue(transport.streaming);
    }

    /** unregisterProducer forgets the producer and makes it possible to register a new one. */
    @Test
    public void test_unregisterProducer() {
        IProducer oldProducer = producer();
        IProducer newProducer = producer();
        transport.registerProducer(oldProducer, false);
        transport.unregisterProducer();
        assertNull(transport.producer);
        transport.registerProducer(newProducer, true);
        assertSame(newProducer, transport.producer);
        assertTrue(transport.streaming);
    }

    /** unregisterProducer raises if called when no producer is registered. */
    @Test
    public void test_invalidUnregisterProducer() {
        assertThrows(IllegalStateException.class, transport::unregisterProducer);
    }

    /** producerState is initially "producing". */
    @Test
    public void test_initialProducerState() {
        assertEquals("producing", transport.producerState);
    }

    /** pauseProducing changes producerState to "paused". */
    @Test
    public void test_pauseProducing() {
        transport.pauseProducing();
        assertEquals("paused", transport.producerState);
    }

    /** resumeProducing changes producerState to "producing". */
    @Test
    public void test_resumeProducing() {
        transport.pauseProducing();
        transport.resumeProducing();
        assertEquals("producing", transport.producerState);
    }

    /** stopProducing changes producerState to "stopped". */
    @Test
    public void test_stopProducing() {
        transport.stopProducing();
        assertEquals("stopped", transport.producerState);
    }

    /** pauseProducing raises if the transport has been stopped. */
    @Test
    public void test_stoppedTransportCannotPause() {
        transport.stopProducing();
        assertThrows(IllegalStateException.class, transport::pauseProducing);
    }

    /** resumeProducing raises if the transport has been stopped. */
    @Test
    public void test_stoppedTransportCannotResume() {
        transport.stopProducing();
        assertThrows(IllegalStateException.class, transport::resumeProducing);
    }

    /** pauseProducing raises if the transport is being disconnected. */
    @Test
    public void test_disconnectingTransportCannotPause() {
        transport.loseConnection();
        assertThrows(IllegalStateException.class, transport::pauseProducing);
    }

    /** resumeProducing raises if the transport is being disconnected. */
    @Test
    public void test_disconnectingTransportCannotResume() {
        transport.loseConnection();
        assertThrows(IllegalStateException.class, transport::resumeProducing);
    }

    /** loseConnection toggles disconnecting to true. */
    @Test
    public void test_loseConnectionSetsDisconnecting() {
        assertFalse(transport.disconnecting);
        transport.loseConnection();
        assertTrue(transport.disconnecting);
    }

    /** A host address passed to the constructor is returned from getHost. */
    @Test
    public void test_specifiedHostAddress() {
        IAddress address = new UNIXAddress("/host");
        assertSame(address, new StringTransport(address, null, false).getHost());
    }

    /** A peer address passed to the constructor is returned from getPeer. */
    @Test
    public void test_specifiedPeerAddress() {
        IAddress address = new UNIXAddress("/peer");
        assertSame(address, new StringTransport(null, address, false).getPeer());
    }

    /** With no host address, getHost returns an IPv4Address. */
    @Test
    public void test_defaultHostAddress() {
        assertInstanceOf(IPv4Address.class, new StringTransport().getHost());
    }

    /** With no peer address, getPeer returns an IPv4Address. */
    @Test
    public void test_defaultPeerAddress() {
        assertInstanceOf(IPv4Address.class, new StringTransport().getPeer());
    }
}
