package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import org.junit.jupiter.api.Test;

/** Port of Twisted's {@code twisted.test.test_internet.ConnectorReprTests}. */
class ConnectorReprTests extends ReactorBuilder {
    /** A TCP connector's toString is Twisted's repr: class, identity, state and destination. */
    @Test
    public void test_tcp_repr() {
        SelectReactor reactor = buildReactor();
        Connector c = new Connector("localhost", 666, new ClientFactory(), 0, null, reactor);
        String expect = String.format("<dev.twj.internet.tcp.Connector instance at 0x%x disconnected %s>",
                System.identityHashCode(c), c.getDestination());
        assertEquals(expect, c.toString());
    }
}
