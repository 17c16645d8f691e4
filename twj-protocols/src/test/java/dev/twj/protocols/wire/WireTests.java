package dev.twj.protocols.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.twj.internet.testing.StringTransport;
import dev.twj.trial.unittest.SynchronousTestCase;

/**
 * Port of {@code twisted.test.test_protocols.WireTests}. {@link WireBehaviourTests} tests the
 * protocols it leaves untested.
 */
class WireTests extends SynchronousTestCase {
    /** Test wire.Echo protocol: send some data and check it is sent back. */
    public void test_echo() {
        Echo a = new Echo();
        StringTransport t = new StringTransport();
        a.makeConnection(t);
        a.dataReceived("hello".getBytes(US_ASCII));
        a.dataReceived("world".getBytes(US_ASCII));
        a.dataReceived("how".getBytes(US_ASCII));
        a.dataReceived("are".getBytes(US_ASCII));
        a.dataReceived("you".getBytes(US_ASCII));
        assertEqual(t.valueString(), "helloworldhowareyou");
    }

    /** Test wire.Who protocol. */
    public void test_who() {
        Who a = new Who();
        StringTransport t = new StringTransport();
        a.makeConnection(t);
        assertEqual(t.valueString(), "root\r\n");
    }

    /** Test wire.QOTD protocol. */
    public void test_QOTD() {
        QOTD a = new QOTD();
        StringTransport t = new StringTransport();
        a.makeConnection(t);
        assertEqual(t.valueString(), "An apple a day keeps the doctor away.\r\n");
    }

    /** Test wire.Discard protocol. */
    public void test_discard() {
        Discard a = new Discard();
        StringTransport t = new StringTransport();
        a.makeConnection(t);
        a.dataReceived("hello".getBytes(US_ASCII));
        a.dataReceived("world".getBytes(US_ASCII));
        a.dataReceived("how".getBytes(US_ASCII));
        a.dataReceived("are".getBytes(US_ASCII));
        a.dataReceived("you".getBytes(US_ASCII));
        assertEqual(t.valueString(), "");
    }
}
