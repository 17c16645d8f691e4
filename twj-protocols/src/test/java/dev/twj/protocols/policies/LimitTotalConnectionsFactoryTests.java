package dev.twj.protocols.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.protocol.Protocol;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.test.test_policies.LimitTotalConnectionsFactoryTests}. */
class LimitTotalConnectionsFactoryTests {
    @Test
    public void testConnectionCounting() {
        // Make a basic factory
        LimitTotalConnectionsFactory factory = new LimitTotalConnectionsFactory();
        factory.protocol = Protocol::new;

        // connectionCount starts at zero
        assertEquals(0, factory.connectionCount);

        // connectionCount increments as connections are made
        Protocol p1 = factory.buildProtocol(null);
        assertEquals(1, factory.connectionCount);
        Protocol p2 = factory.buildProtocol(null);
        assertEquals(2, factory.connectionCount);

        // and decrements as they are lost
        p1.connectionLost(null);
        assertEquals(1, factory.connectionCount);
        p2.connectionLost(null);
        assertEquals(0, factory.connectionCount);
    }

    @Test
    public void testConnectionLimiting() {
        // Make a basic factory with a connection limit of 1
        LimitTotalConnectionsFactory factory = new LimitTotalConnectionsFactory();
        factory.protocol = Protocol::new;
        factory.connectionLimit = 1;

        // Make a connection
        Protocol p = factory.buildProtocol(null);
        assertNotNull(p);
        assertEquals(1, factory.connectionCount);

        // Try to make a second connection, which will exceed the connection limit.  This should
        // return null, because overflowProtocol is null.
        assertNull(factory.buildProtocol(null));
        assertEquals(1, factory.connectionCount);

        // Define an overflow protocol
        boolean[] overflowed = {false};
        class OverflowProtocol extends Protocol {
            @Override
            public void connectionMade() {
                overflowed[0] = true;
            }
        }

        factory.overflowProtocol = OverflowProtocol::new;

        // Try to make a second connection again, now that we have an overflow protocol.  Note
        // that overflow connections count towards the connection count.
        Protocol op = factory.buildProtocol(null);
        op.makeConnection(null); // to trigger connectionMade
        assertTrue(overflowed[0]);
        assertEquals(2, factory.connectionCount);

        // Close the connections.
        p.connectionLost(null);
        assertEquals(1, factory.connectionCount);
        op.connectionLost(null);
        assertEquals(0, factory.connectionCount);
    }
}
