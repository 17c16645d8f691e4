package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_internet.PortStringificationTests}: a port's string
 * form holds its port number.
 *
 * <p>Ported: testTCP. Not ported here: testUDP (UDP's port is another module's work, not this
 * TCP task's) and testSSL (needs listenSSL with a PEM context factory).
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
}
