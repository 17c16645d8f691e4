package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.DatagramProtocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_internet.PortStringificationTests}: a port's string
 * form holds its port number.
 *
 * <p>Not ported: testSSL (needs listenSSL with a PEM server certificate context factory).
 */
class PortStringificationTests extends ReactorBuilder {
    /** A TCP port's toString holds its port number. */
    @Test
    public void testTCP() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            IListeningPort p = reactor.listenTCP(0, new ServerFactory());
            int portNo = portOf(p.getHost());
            assertNotEquals(-1, p.toString().indexOf(String.valueOf(portNo)), portNo + " not found in " + p);
            return p.stopListening();
        });
    }

    /** A UDP port's toString holds its port number. */
    @Test
    public void testUDP() {
        SelectReactor reactor = buildReactor();
        runDeferredTest(reactor, () -> {
            IListeningPort p = reactor.listenUDP(0, new DatagramProtocol(), "", 8192);
            int portNo = portOf(p.getHost());
            assertNotEquals(-1, p.toString().indexOf(String.valueOf(portNo)), portNo + " not found in " + p);
            return p.stopListening();
        });
    }
}
