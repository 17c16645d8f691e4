package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.pack;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.s;
import static dev.twj.protocols.basic.BasicTestSupport.slice;
import static dev.twj.protocols.basic.BasicTestSupport.strs;

import dev.twj.protocols.basic.BasicTestSupport.Recording;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.RecvdAttributeMixin}: tests for string
 * receiving protocols with a {@code recvd} attribute which should be settable by application
 * code ({@link IntNStringReceiver#recvd()} and {@link IntNStringReceiver#setRecvd}). Java has
 * one superclass, so it extends {@link IntNTestCaseMixin} rather than being combined with it.
 *
 * @param <P> the protocol under test
 */
abstract class RecvdAttributeMixin<P extends IntNStringReceiver & Recording>
        extends IntNTestCaseMixin<P> {
    /** Returns {@code data} prefixed with message length in the protocol's prefix format. */
    byte[] makeMessage(IntNStringReceiver protocol, byte[] data) {
        return concat(pack(protocol.prefixLength, data.length), data);
    }

    /**
     * In stringReceived, recvd contains the remaining data that was passed to dataReceived that
     * was not part of the current message.
     */
    public void test_recvdContainsRemainingData() {
        List<byte[]> result = new ArrayList<>();
        P r = getProtocol();
        rec(r).stringReceived = receivedString -> result.add(r.recvd());
        byte[] completeMessage = concat(pack(r.prefixLength, 5), repeat("a", 5));
        byte[] incompleteMessage = concat(pack(r.prefixLength, 5), repeat("b", 4));
        // Receive a complete message, followed by an incomplete one
        r.dataReceived(concat(completeMessage, incompleteMessage));
        assertEqual(strs(result), strs(List.of(incompleteMessage)));
    }

    /**
     * In stringReceived, if recvd is changed, messages should be parsed from it rather than the
     * input to dataReceived.
     */
    public void test_recvdChanged() {
        P r = getProtocol();
        List<byte[]> result = new ArrayList<>();
        byte[] payloadC = repeat("c", 5);
        byte[] messageC = makeMessage(r, payloadC);
        rec(r).stringReceived = receivedString -> {
            if (result.isEmpty()) {
                r.setRecvd(messageC);
            }
            result.add(receivedString);
        };
        byte[] payloadA = repeat("a", 5);
        byte[] payloadB = repeat("b", 5);
        byte[] messageA = makeMessage(r, payloadA);
        byte[] messageB = makeMessage(r, payloadB);
        r.dataReceived(concat(messageA, messageB));
        assertEqual(strs(result), strs(List.of(payloadA, payloadC)));
    }

    /**
     * Data already parsed by {@link IntNStringReceiver#dataReceived} is not reparsed if
     * {@code stringReceived} consumes some of the {@code recvd} buffer.
     */
    public void test_switching() {
        P proto = getProtocol();
        List<byte[]> mix = new ArrayList<>();
        byte[] SWITCH = new byte[] {0, 0, 0, 0};
        for (byte[] s : strings()) {
            mix.add(makeMessage(proto, s));
            mix.add(SWITCH);
        }
        List<byte[]> result = new ArrayList<>();
        rec(proto).stringReceived = receivedString -> {
            result.add(receivedString);
            proto.setRecvd(slice(proto.recvd(), SWITCH.length));
        };
        proto.dataReceived(concat(mix.toArray(new byte[0][])));
        // Just another byte, to trigger processing of anything that might have been left in the
        // buffer (should be nothing).
        proto.dataReceived(new byte[] {1});
        assertEqual(strs(result), strs(strings()));
        // And verify that another way
        assertEqual(s(proto.recvd()), "\u0001");
    }

    /**
     * The {@code recvd} buffer contains all data not yet processed by {@code dataReceived} if
     * the {@code lengthLimitExceeded} event occurs.
     */
    public void test_recvdInLengthLimitExceeded() {
        P proto = getProtocol();
        byte[] DATA = BasicTestSupport.b("too long");
        proto.MAX_LENGTH = DATA.length - 1;
        byte[] message = makeMessage(proto, DATA);
        List<Object> result = new ArrayList<>();
        rec(proto).lengthLimitExceeded = length -> {
            result.add(length);
            result.add(s(proto.recvd()));
        };
        proto.dataReceived(message);
        assertEqual(result.get(0), (long) DATA.length);
        assertEqual(result.get(1), s(message));
    }
}
