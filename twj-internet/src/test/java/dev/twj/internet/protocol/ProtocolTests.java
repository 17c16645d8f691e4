package dev.twj.internet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.ITransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.internet.test.test_protocol.ProtocolTests}. */
class ProtocolTests {
    /** Protocol instances provide IProtocol and ILoggingContext. */
    @Test
    public void test_interfaces() {
        Object proto = new Protocol();
        assertInstanceOf(IProtocol.class, proto);
        assertInstanceOf(ILoggingContext.class, proto);
    }

    static class SomeThing extends Protocol {}

    /** Protocol.logPrefix returns the protocol class's name. */
    @Test
    public void test_logPrefix() {
        assertEquals("SomeThing", new SomeThing().logPrefix());
    }

    /** makeConnection sets the given transport on itself, and then calls connectionMade. */
    @Test
    public void test_makeConnection() {
        List<ITransport> result = new ArrayList<>();
        Protocol protocol = new Protocol() {
            @Override
            public void connectionMade() {
                result.add(transport);
            }
        };
        ITransport transport = new ITransport() {
            @Override
            public void write(byte[] data) {}

            @Override
            public void writeSequence(Iterable<byte[]> data) {}

            @Override
            public void loseConnection() {}

            @Override
            public IAddress getPeer() {
                return null;
            }

            @Override
            public IAddress getHost() {
                return null;
            }
        };
        protocol.makeConnection(transport);
        assertEquals(1, result.size());
        assertSame(transport, result.get(0));
    }
}
