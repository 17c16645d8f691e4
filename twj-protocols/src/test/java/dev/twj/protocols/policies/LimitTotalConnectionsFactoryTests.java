package dev.twj.protocols.policies;

import dev.twj.internet.protocol.Protocol;
import dev.twj.trial.unittest.SynchronousTestCase;

/** Port of {@code twisted.test.test_policies.LimitTotalConnectionsFactoryTests}. */
class LimitTotalConnectionsFactoryTests extends SynchronousTestCase {
    /** The factory counts connections as they are made and lost. */
    public void testConnectionCounting() {
        // Make a basic factory
        LimitTotalConnectionsFactory factory = new LimitTotalConnectionsFactory();
        factory.protocol = Protocol::new;

        // connectionCount starts at zero
        assertEqual(factory.connectionCount, 0);

        // connectionCount increments as connections are made
        Protocol p1 = factory.buildProtocol(null);
        assertEqual(factory.connectionCount, 1);
        Protocol p2 = factory.buildProtocol(null);
        assertEqual(factory.connectionCount, 2);

        // and decrements as they are lost
        p1.connectionLost(null);
        assertEqual(factory.connectionCount, 1);
        p2.connectionLost(null);
        assertEqual(factory.connectionCount, 0);
    }

    /** Connections beyond the factory's limit are refused, and the count stays at the limit. */
    public void testConnectionLimiting() {
        // Make a basic factory with a connection limit of 1
        LimitTotalConnectionsFactory factory = new LimitTotalConnectionsFactory();
        factory.protocol = Protocol::new;
        factory.connectionLimit = 1;

        // Make a connection
        Protocol p = factory.buildProtocol(null);
        assertIsNot(p, null);
        assertEqual(factory.connectionCount, 1);

        // Try to make a second connection, which will exceed the connection limit.  This should
        // return null, because overflowProtocol is null.
        assertIs(factory.buildProtocol(null), null);
        assertEqual(factory.connectionCount, 1);

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
        assertEqual(factory.connectionCount, 2);

        // Close the connections.
        p.connectionLost(null);
        assertEqual(factory.connectionCount, 1);
        op.connectionLost(null);
        assertEqual(factory.connectionCount, 0);
    }
}
