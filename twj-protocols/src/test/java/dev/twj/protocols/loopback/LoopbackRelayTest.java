package dev.twj.protocols.loopback;

import static dev.twj.protocols.loopback.LoopbackTestSupport.b;
import static dev.twj.protocols.loopback.LoopbackTestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.protocol.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of {@code twisted.test.test_loopback.LoopbackRelayTest}: {@link LoopbackRelay}. */
class LoopbackRelayTest {
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
    @Test
    public void test_write() {
        Receiver receiver = new Receiver();
        LoopbackRelay relay = new LoopbackRelay(receiver);
        relay.write(b("abc"));
        relay.write(b("def"));
        assertEquals("", receiver.data);
        relay.clearBuffer();
        assertEquals("abcdef", receiver.data);
    }

    /** Test to verify that the writeSequence function works as expected. */
    @Test
    public void test_writeSequence() {
        Receiver receiver = new Receiver();
        LoopbackRelay relay = new LoopbackRelay(receiver);
        relay.writeSequence(List.of(b("The "), b("quick "), b("brown "), b("fox ")));
        relay.writeSequence(List.of(b("jumps "), b("over "), b("the lazy dog")));
        assertEquals("", receiver.data);
        relay.clearBuffer();
        assertEquals("The quick brown fox jumps over the lazy dog", receiver.data);
    }
}
