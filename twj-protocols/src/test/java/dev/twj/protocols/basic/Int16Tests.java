package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.s;
import static dev.twj.protocols.basic.BasicTestSupport.strs;

import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.basic.BasicTestSupport.Recorder;
import dev.twj.protocols.basic.BasicTestSupport.Recording;
import dev.twj.python.failure.Failure;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.Int16Tests}: test case for
 * int16-prefixed protocol.
 */
class Int16Tests extends RecvdAttributeMixin<Int16Tests.TestInt16> {
    /**
     * A {@link Int16StringReceiver} storing received strings in an array (Twisted's
     * {@code TestInt16(TestMixin, Int16StringReceiver)}).
     */
    static class TestInt16 extends Int16StringReceiver implements Recording {
        final Recorder rec = new Recorder();

        TestInt16() {
            MAX_LENGTH = 50;
        }

        @Override
        public Recorder rec() {
            return rec;
        }

        @Override
        public void connectionMade() {
            rec.received.clear();
        }

        @Override
        public void stringReceived(byte[] s) {
            if (rec.stringReceived != null) {
                rec.stringReceived.accept(s);
            } else {
                rec.received.add(s);
            }
        }

        @Override
        public void lengthLimitExceeded(long length) {
            if (rec.lengthLimitExceeded != null) {
                rec.lengthLimitExceeded.accept(length);
            } else {
                super.lengthLimitExceeded(length);
            }
        }

        @Override
        public void connectionLost(Failure reason) {
            rec.closed = true;
        }
    }

    @Override
    TestInt16 protocol() {
        return new TestInt16();
    }

    @Override
    List<byte[]> strings() {
        return List.of(b("a"), repeat("b", 16));
    }

    @Override
    List<byte[]> illegalStrings() {
        return List.of(new byte[] {0x10, 0, 'a', 'a', 'a', 'a', 'a', 'a'});
    }

    @Override
    List<byte[]> partialStrings() {
        return List.of(new byte[] {0}, b("hello there"), b(""));
    }

    /** Test specific behavior of the 16-bits length. */
    public void test_data() {
        TestInt16 r = getProtocol();
        r.sendString(b("foo"));
        assertEqual(s(((StringTransport) r.transport).value()), "\u0000\u0003foo");
        r.dataReceived(concat(new byte[] {0, 4}, b("ubar")));
        assertEqual(strs(r.rec.received), List.of("ubar"));
    }

    /** Send too much data: that should cause an error. */
    public void test_tooLongSend() {
        TestInt16 r = getProtocol();
        byte[] tooSend = repeat("b", (1 << (r.prefixLength * 8)) + 1);
        assertRaises(AssertionError.class, () -> r.sendString(tooSend));
    }
}
