package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.iterbytes;

import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.testing.StringTransport;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.LPTestCaseMixin}: the test every
 * length-prefixed protocol's test class inherits.
 *
 * @param <P> the protocol under test
 */
abstract class LPTestCaseMixin<P extends Protocol> extends SynchronousTestCase {
    /** Inputs that must make the protocol drop its connection. */
    abstract List<byte[]> illegalStrings();

    /** Returns a new instance of the protocol under test, not connected. */
    abstract P protocol();

    /**
     * Returns a new instance of the protocol connected to a new instance of
     * {@link StringTransport}.
     */
    P getProtocol() {
        StringTransport t = new StringTransport();
        P a = protocol();
        a.makeConnection(t);
        return a;
    }

    /** Assert that illegal strings cause the transport to be closed. */
    public void test_illegal() {
        for (byte[] s : illegalStrings()) {
            P r = getProtocol();
            for (byte[] c : iterbytes(s)) {
                r.dataReceived(c);
            }
            assertTrue(((StringTransport) r.transport).disconnecting);
        }
    }
}
