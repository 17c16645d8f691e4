package dev.twj.protocols.basic;

import static dev.twj.protocols.basic.BasicTestSupport.b;
import static dev.twj.protocols.basic.BasicTestSupport.concat;
import static dev.twj.protocols.basic.BasicTestSupport.repeat;
import static dev.twj.protocols.basic.BasicTestSupport.slice;
import static dev.twj.protocols.basic.BasicTestSupport.strs;

import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.basic.BasicTestSupport.Recorder;
import dev.twj.protocols.basic.BasicTestSupport.Recording;
import dev.twj.python.failure.Failure;
import java.util.List;

/**
 * Port of {@code twisted.protocols.test.test_basic.NetstringReceiverTests}: tests for
 * {@link NetstringReceiver}.
 */
class NetstringReceiverTests extends LPTestCaseMixin<NetstringReceiverTests.TestNetstring> {
    /** Twisted's {@code TestNetstring(TestMixin, NetstringReceiver)}: records and echoes. */
    static class TestNetstring extends NetstringReceiver implements Recording {
        final Recorder rec = new Recorder();

        TestNetstring() {
            MAX_LENGTH = 50;
        }

        @Override
        public Recorder rec() {
            return rec;
        }

        List<byte[]> received() {
            return rec.received;
        }

        @Override
        public void connectionMade() {
            rec.received.clear();
        }

        @Override
        public void stringReceived(byte[] s) {
            rec.received.add(s);
            transport.write(s);
        }

        @Override
        public void connectionLost(Failure reason) {
            rec.closed = true;
        }
    }

    static final List<byte[]> strings = List.of(b("hello"), b("world"), b("how"), b("are"),
            b("you123"), b(":today"), repeat("a", 515));

    @Override
    List<byte[]> illegalStrings() {
        return List.of(b("9999999999999999999999"), b("abc"), b("4:abcde"),
                b("51:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab,"));
    }

    @Override
    TestNetstring protocol() {
        return new TestNetstring();
    }

    StringTransport transport;
    TestNetstring netstringReceiver;

    void setUp() {
        transport = new StringTransport();
        netstringReceiver = new TestNetstring();
        netstringReceiver.makeConnection(transport);
    }

    /** Strings can be received in chunks of different lengths. */
    public void test_buffer() {
        for (int packetSize = 1; packetSize < 10; packetSize++) {
            StringTransport t = new StringTransport();
            TestNetstring a = new TestNetstring();
            a.MAX_LENGTH = 699;
            a.makeConnection(t);
            for (byte[] s : strings) {
                a.sendString(s);
            }
            byte[] out = t.value();
            for (int i = 0; i < out.length / packetSize + 1; i++) {
                byte[] s = slice(out, i * packetSize, (i + 1) * packetSize);
                if (s.length > 0) {
                    a.dataReceived(s);
                }
            }
            assertEqual(strs(a.received()), strs(strings));
        }
    }

    /** Empty netstrings (with length '0') can be received. */
    public void test_receiveEmptyNetstring() {
        netstringReceiver.dataReceived(b("0:,"));
        assertEqual(strs(netstringReceiver.received()), List.of(""));
    }

    /** One-character netstrings can be received. */
    public void test_receiveOneCharacter() {
        netstringReceiver.dataReceived(b("1:a,"));
        assertEqual(strs(netstringReceiver.received()), List.of("a"));
    }

    /** Two-character netstrings can be received. */
    public void test_receiveTwoCharacters() {
        netstringReceiver.dataReceived(b("2:ab,"));
        assertEqual(strs(netstringReceiver.received()), List.of("ab"));
    }

    /**
     * Netstrings with embedded netstrings. This test makes sure that the parser does not become
     * confused about the ',' and ':' characters appearing inside the data portion of the
     * netstring.
     */
    public void test_receiveNestedNetstring() {
        netstringReceiver.dataReceived(b("4:1:a,,"));
        assertEqual(strs(netstringReceiver.received()), List.of("1:a,"));
    }

    /** Netstrings containing more data than expected are refused. */
    public void test_moreDataThanSpecified() {
        netstringReceiver.dataReceived(b("2:aaa,"));
        assertTrue(transport.disconnecting);
    }

    /**
     * Netstrings that should be empty according to their length specification are refused if
     * they contain data.
     */
    public void test_moreDataThanSpecifiedBorderCase() {
        netstringReceiver.dataReceived(b("0:a,"));
        assertTrue(transport.disconnecting);
    }

    /** Netstrings without leading digits that specify the length are refused. */
    public void test_missingNumber() {
        netstringReceiver.dataReceived(b(":aaa,"));
        assertTrue(transport.disconnecting);
    }

    /** Netstrings without a colon between length specification and data are refused. */
    public void test_missingColon() {
        netstringReceiver.dataReceived(b("3aaa,"));
        assertTrue(transport.disconnecting);
    }

    /** Netstrings that have no leading digits nor a colon are refused. */
    public void test_missingNumberAndColon() {
        netstringReceiver.dataReceived(b("aaa,"));
        assertTrue(transport.disconnecting);
    }

    /** Netstrings consisting only of data are refused. */
    public void test_onlyData() {
        netstringReceiver.dataReceived(b("aaa"));
        assertTrue(transport.disconnecting);
    }

    /** Netstrings can be received in two portions. */
    public void test_receiveNetstringPortions_1() {
        netstringReceiver.dataReceived(b("4:aa"));
        netstringReceiver.dataReceived(b("aa,"));
        assertEqual(strs(netstringReceiver.received()), List.of("aaaa"));
        assertTrue(netstringReceiver.payloadComplete());
    }

    /**
     * Netstrings can be received in more than two portions, even if the length specification is
     * split across two portions.
     */
    public void test_receiveNetstringPortions_2() {
        for (String part : List.of("1", "0:01234", "56789", ",")) {
            netstringReceiver.dataReceived(b(part));
        }
        assertEqual(strs(netstringReceiver.received()), List.of("0123456789"));
    }

    /** Netstrings can be received one character at a time. */
    public void test_receiveNetstringPortions_3() {
        for (String part : List.of("2", ":", "a", "b", ",")) {
            netstringReceiver.dataReceived(b(part));
        }
        assertEqual(strs(netstringReceiver.received()), List.of("ab"));
    }

    /**
     * A stream of two netstrings can be received in two portions, where the first portion
     * contains the complete first netstring and the length specification of the second
     * netstring.
     */
    public void test_receiveTwoNetstrings() {
        netstringReceiver.dataReceived(b("1:a,1"));
        assertTrue(netstringReceiver.payloadComplete());
        assertEqual(strs(netstringReceiver.received()), List.of("a"));
        netstringReceiver.dataReceived(b(":b,"));
        assertEqual(strs(netstringReceiver.received()), List.of("a", "b"));
    }

    /**
     * Netstrings with a length specification exceeding the specified {@code MAX_LENGTH} are
     * refused.
     *
     * <p>As in Twisted, where {@code bytes(tooLong)} is {@code tooLong} NUL bytes on Python 3,
     * the "length" sent is 51 NULs: the refusal is for a missing length. BasicBehaviourTests
     * sends {@code 51:} as well.
     */
    public void test_maxReceiveLimit() {
        int tooLong = netstringReceiver.MAX_LENGTH + 1;
        netstringReceiver.dataReceived(concat(new byte[tooLong], b(":"), repeat("a", tooLong)));
        assertTrue(transport.disconnecting);
    }

    /**
     * {@code _consumeLength} returns the expected length of the netstring, including the
     * trailing comma.
     */
    public void test_consumeLength() {
        netstringReceiver.setRemainingData(b("12:"));
        netstringReceiver.consumeLength();
        assertEqual(netstringReceiver.expectedPayloadSize(), 13L);
    }

    /**
     * {@code _consumeLength} works as expected if the length specification contains the value
     * of {@code MAX_LENGTH} (border case).
     */
    public void test_consumeLengthBorderCase1() {
        netstringReceiver.setRemainingData(b("12:"));
        netstringReceiver.MAX_LENGTH = 12;
        netstringReceiver.consumeLength();
        assertEqual(netstringReceiver.expectedPayloadSize(), 13L);
    }

    /**
     * {@code _consumeLength} raises a {@link NetstringParseError} if the length specification
     * exceeds the value of {@code MAX_LENGTH} by 1 (border case).
     */
    public void test_consumeLengthBorderCase2() {
        netstringReceiver.setRemainingData(b("12:"));
        netstringReceiver.MAX_LENGTH = 11;
        assertRaises(NetstringParseError.class, netstringReceiver::consumeLength);
    }

    /**
     * {@code _consumeLength} raises a {@link NetstringParseError} if the length specification
     * exceeds the value of {@code MAX_LENGTH} by more than 1.
     */
    public void test_consumeLengthBorderCase3() {
        netstringReceiver.setRemainingData(b("1000:"));
        netstringReceiver.MAX_LENGTH = 11;
        assertRaises(NetstringParseError.class, netstringReceiver::consumeLength);
    }

    /**
     * When {@link NetstringReceiver#stringReceived} is not overridden in a subclass, calling it
     * raises {@code NotImplementedError} (UnsupportedOperationException).
     */
    public void test_stringReceivedNotImplemented() {
        NetstringReceiver proto = new NetstringReceiver();
        assertRaises(UnsupportedOperationException.class, () -> proto.stringReceived(b("foo")));
    }
}
