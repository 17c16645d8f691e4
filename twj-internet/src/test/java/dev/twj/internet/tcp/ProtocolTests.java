package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_internet.ProtocolTests} (here, since the protocol
 * package already has a ProtocolTests, the port of {@code twisted.internet.test.test_protocol}).
 */
class ProtocolTests {
    /** Sample protocol. */
    static class MyProtocol extends Protocol {}

    /** Sample factory. */
    static class MyFactory extends Factory {
        MyFactory() {
            protocol = MyProtocol::new;
        }
    }

    /** Factory.buildProtocol sets the protocol's factory and builds an instance of its protocol. */
    @Test
    public void testFactory() {
        MyFactory factory = new MyFactory();
        Protocol protocol = factory.buildProtocol(null);
        assertEquals(factory, protocol.factory);
        assertInstanceOf(MyProtocol.class, protocol);
    }
}
