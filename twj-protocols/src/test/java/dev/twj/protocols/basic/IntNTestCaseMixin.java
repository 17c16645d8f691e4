package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.iterbytes;
import static dev.twj.protocols.basic.BasicTestSupport.pack;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.strs;

import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.basic.BasicTestSupport.Recorder;
import dev.twj.protocols.basic.BasicTestSupport.Recording;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.IntNTestCaseMixin}: the tests of every
 * int-prefixed protocol.
 *
 * @param <P> the protocol under test: a recording Int8/16/32StringReceiver
 */
abstract class IntNTestCaseMixin<P extends IntNStringReceiver & Recording>
        extends LPTestCaseMixin<P> {
    /** Strings sent and received by test_receive. */
    abstract List<byte[]> strings();

    /** Inputs from which nothing should be definitely received. */
    abstract List<byte[]> partialStrings();

    /** Returns the recorder of {@code r}. */
    static Recorder rec(Recording r) {
        return r.rec();
    }

    /** Test receiving data find the same data send. */
    public void test_receive() {
        P r = getProtocol();
        for (byte[] s : strings()) {
            for (byte[] c : iterbytes(concat(pack(r.prefixLength, s.length), s))) {
                r.dataReceived(c);
            }
        }
        assertEqual(strs(rec(r).received), strs(strings()));
    }

    /** Send partial data, nothing should be definitely received. */
    public void test_partial() {
        for (byte[] s : partialStrings()) {
            P r = getProtocol();
            for (byte[] c : iterbytes(s)) {
                r.dataReceived(c);
            }
            assertEqual(strs(rec(r).received), List.of());
        }
    }

    /** Test sending data over protocol. */
    public void test_send() {
        P r = getProtocol();
        r.sendString(repeat("b", 16));
        assertEqual(BasicTestSupport.s(((StringTransport) r.transport).value()), BasicTestSupport.s(concat(pack(r.prefixLength, 16), repeat("b", 16))));
    }

    /**
     * When a length prefix is received which is greater than the protocol's {@code MAX_LENGTH}
     * attribute, the {@code lengthLimitExceeded} method is called with the received length
     * prefix.
     */
    public void test_lengthLimitExceeded() {
        List<Long> length = new ArrayList<>();
        P r = getProtocol();
        rec(r).lengthLimitExceeded = length::add;
        r.MAX_LENGTH = 10;
        r.dataReceived(pack(r.prefixLength, 11));
        assertEqual(length, List.of(11L));
    }

    /**
     * If a length prefix for a string longer than {@code MAX_LENGTH} is delivered to
     * {@code dataReceived} at the same time as the entire string, the string is not passed to
     * {@code stringReceived}.
     */
    public void test_longStringNotDelivered() {
        P r = getProtocol();
        r.MAX_LENGTH = 10;
        r.dataReceived(concat(pack(r.prefixLength, 11), repeat("x", 11)));
        assertEqual(strs(rec(r).received), List.of());
    }

    /**
     * When {@link IntNStringReceiver#stringReceived} is not overridden in a subclass, calling it
     * raises {@code NotImplementedError} (UnsupportedOperationException). Java's
     * IntNStringReceiver needs a prefix length to be built; 4 is used.
     */
    public void test_stringReceivedNotImplemented() {
        IntNStringReceiver proto = new IntNStringReceiver(4);
        assertRaises(UnsupportedOperationException.class, () -> proto.stringReceived(b("foo")));
    }
}
