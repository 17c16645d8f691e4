package dev.twj.protocols.loopback;

import static dev.twj.protocols.loopback.LoopbackTestSupport.b;
import static dev.twj.protocols.loopback.LoopbackTestSupport.s;

import dev.twj.internet.protocol.Protocol;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.List;

/** Port of {@code twisted.test.test_loopback.LoopbackRelayTest}: {@link LoopbackRelay}. */
class LoopbackRelayTest extends SynchronousTestCase {
    /** Simple Receiver class used for testing LoopbackRelay. */
    static class Receiver extends Protocol {
        String data = "";

        /** Accumulate received data for verification. */
        @Override
        public void dataReceived(byte[] data) {
            this.data += s(data);
        }
    }

    /** Test to verify that the write function works as expected. */
    public void test_write() {
        Receiver receiver = new Receiver();
        LoopbackRelay relay = new LoopbackRelay(receiver);
        relay.write(b("abc"));
        relay.write(b("def"));
        assertEqual(receiver.data, "");
        relay.clearBuffer();
        assertEqual(receiver.data, "abcdef");
    }

    /** Test to verify that the writeSequence function works as expected. */
    public void test_writeSequence() {
        Receiver receiver = new Receiver();
        LoopbackRelay relay = new LoopbackRelay(receiver);
        relay.writeSequence(List.of(b("The "), b("quick "), b("brown "), b("fox ")));
        relay.writeSequence(List.of(b("jumps "), b("over "), b("the lazy dog")));
        assertEqual(receiver.data, "");
        relay.clearBuffer();
        assertEqual(receiver.data, "The quick brown fox jumps over the lazy dog");
    }
}
