package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.concat;
import static dev.twj.protocols.amp.AmpTestSupport.s;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.amp.AmpFixtures.TestProto;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Port of {@code BinaryProtocolTests}: tests for BinaryBoxProtocol. As in Twisted, the test
 * object is the box receiver and a fake transport ({@link #receiver} and {@link #self}).
 */
class BinaryProtocolTests extends SynchronousTestCase {
    List<AmpBox> boxes;
    List<byte[]> data;
    IBoxSender boxSender;
    Failure stopReason;

    /** The test in its capacity as an IBoxReceiver. */
    final IBoxReceiver receiver = new IBoxReceiver() {
        @Override
        public void startReceivingBoxes(IBoxSender sender) {
            boxSender = sender;
        }

        @Override
        public void ampBoxReceived(AmpBox box) {
            boxes.add(box);
        }

        @Override
        public void stopReceivingBoxes(Failure reason) {
            stopReason = reason;
        }
    };

    /** The test in its capacity as a fake ITransport. */
    final ITransport self = new ITransport() {
        @Override
        public void write(byte[] d) {
            data.add(d);
        }

        @Override
        public void writeSequence(Iterable<byte[]> seq) {
            seq.forEach(this::write);
        }

        @Override
        public void loseConnection() {}

        @Override
        public IAddress getPeer() {
            return null;
        }

        @Override
        public IAddress getHost() {
            return null;
        }
    };

    void setUp() {
        boxes = new ArrayList<>();
        data = new ArrayList<>();
    }

    /** When connected, the protocol calls startReceivingBoxes with itself as the sender. */
    public void test_startReceivingBoxes() {
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(null);
        assertIs(boxSender, protocol);
    }

    /** The receiver can send a box from startReceivingBoxes and have it sent. */
    public void test_sendBoxInStartReceivingBoxes() {
        IBoxReceiver synchronouslySendingReceiver = new IBoxReceiver() {
            @Override
            public void startReceivingBoxes(IBoxSender sender) {
                sender.sendBox(AmpBox.of("foo", "bar"));
            }

            @Override
            public void ampBoxReceived(AmpBox box) {}

            @Override
            public void stopReceivingBoxes(Failure reason) {}
        };
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(synchronouslySendingReceiver);
        protocol.makeConnection(transport);
        assertEqual(s(transport.value()), "\u0000\u0003foo\u0000\u0003bar\u0000\u0000");
    }

    /** A key, a value and an empty string emit a box to the boxReceiver. */
    public void test_receiveBoxStateMachine() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.stringReceived(b("hello"));
        a.stringReceived(b("world"));
        a.stringReceived(b(""));
        assertEqual(boxes, List.of(AmpBox.of("hello", "world")));
    }

    /** The connection drops if the length prefix of the first key is larger than 255. */
    public void test_firstBoxFirstKeyExcessiveLength() {
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(transport);
        protocol.dataReceived(b("\u0001\u0000"));
        assertTrue(transport.disconnecting);
    }

    /** The connection drops if a subsequent key in the first box is longer than 255. */
    public void test_firstBoxSubsequentKeyExcessiveLength() {
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(transport);
        protocol.dataReceived(b("\u0000\u0001k\u0000\u0001v"));
        assertFalse(transport.disconnecting);
        protocol.dataReceived(b("\u0001\u0000"));
        assertTrue(transport.disconnecting);
    }

    /** The connection drops if the first key in a subsequent box is longer than 255. */
    public void test_subsequentBoxFirstKeyExcessiveLength() {
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(transport);
        protocol.dataReceived(b("\u0000\u0001k\u0000\u0001v\u0000\u0000"));
        assertFalse(transport.disconnecting);
        protocol.dataReceived(b("\u0001\u0000"));
        assertTrue(transport.disconnecting);
    }

    /** After a too-long key, stopReceivingBoxes is called with a TooLong failure. */
    public void test_excessiveKeyFailure() {
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(new StringTransport());
        protocol.dataReceived(b("\u0001\u0000"));
        protocol.connectionLost(new Failure(new ConnectionDone("simulated connection done")));
        stopReason.trap(TooLong.class);
        TooLong value = (TooLong) stopReason.value();
        assertTrue(value.isKey);
        assertFalse(value.isLocal);
        assertIs(value.value, null);
        assertIs(value.keyName, null);
    }

    /** unhandledError logs the failure passed to it and disconnects its transport. */
    public void test_unhandledErrorWithTransport() {
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(transport);
        protocol.unhandledError(new Failure(new RuntimeException("Fake error")));
        assertEqual(flushLoggedErrors(RuntimeException.class).size(), 1);
        assertTrue(transport.disconnecting);
    }

    /** unhandledError completes without error when there is no associated transport. */
    public void test_unhandledErrorWithoutTransport() {
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(new StringTransport());
        protocol.connectionLost(new Failure(new Exception("Simulated")));
        protocol.unhandledError(new Failure(new RuntimeException("Fake error")));
        assertEqual(flushLoggedErrors(RuntimeException.class).size(), 1);
    }

    /** The serialized form of a box is received as a similar box. */
    public void test_receiveBoxData() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.dataReceived(AmpBox.of("testKey", "valueTest", "anotherKey", "anotherValue").serialize());
        assertEqual(boxes, List.of(AmpBox.of("testKey", "valueTest", "anotherKey", "anotherValue")));
    }

    /** Values of up to 2**16 - 1 bytes can be received. */
    public void test_receiveLongerBoxData() {
        byte[] value = new byte[(1 << 16) - 1];
        Arrays.fill(value, (byte) 'x');
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(transport);
        protocol.dataReceived(new AmpBox().put("k", value).serialize());
        assertEqual(boxes, List.of(new AmpBox().put("k", value)));
        assertFalse(transport.disconnecting);
    }

    /** Sending a box emits its serialized bytes to the transport. */
    public void test_sendBox() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        AmpBox aBox = AmpBox.of("testKey", "valueTest", "someData", "hello");
        a.makeConnection(self);
        a.sendBox(aBox);
        assertEqual(concat(data.toArray(new byte[0][])), aBox.serialize());
    }

    /** Losing the connection tells the box receiver it has stopped receiving boxes. */
    public void test_connectionLostStopSendingBoxes() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        Failure connectionFailure = new Failure(new RuntimeException());
        a.connectionLost(connectionFailure);
        assertIs(stopReason, connectionFailure);
    }

    /** The protocol can switch to a different protocol on a box boundary. */
    public void test_protocolSwitch() {
        TestProto otherProto = new TestProto(null, b("outgoing data"));
        BinaryBoxProtocol[] a = new BinaryBoxProtocol[1];
        boolean[] switched = {false};
        IBoxReceiver switchyReceiver = new IBoxReceiver() {
            @Override
            public void startReceivingBoxes(IBoxSender sender) {}

            @Override
            public void ampBoxReceived(AmpBox box) {
                assertFalse(switched[0], "Should only receive one box!");
                switched[0] = true;
                a[0]._lockForSwitch();
                a[0]._switchTo(otherProto);
            }

            @Override
            public void stopReceivingBoxes(Failure reason) {}
        };
        a[0] = new BinaryBoxProtocol(switchyReceiver);
        AmpBox anyOldBox = AmpBox.of("include", "lots", "of", "data");
        a[0].makeConnection(self);
        // Include a 0-length box at the beginning of the next protocol's data, to make sure
        // that AMP doesn't eat the data or try to deliver extra boxes either...
        byte[] moreThanOneBox = concat(anyOldBox.serialize(), b("\u0000\u0000Hello, world!"));
        a[0].dataReceived(moreThanOneBox);
        assertIs(otherProto.transport, self);
        assertEqual(s(concat(otherProto.data.toArray(new byte[0][]))), "\u0000\u0000Hello, world!");
        assertEqual(data.stream().map(AmpTestSupport::s).toList(), List.of("outgoing data"));
        a[0].dataReceived(b("more data"));
        assertEqual(s(concat(otherProto.data.toArray(new byte[0][]))), "\u0000\u0000Hello, world!more data");
        assertRaises(ProtocolSwitched.class, () -> a[0].sendBox(anyOldBox));
    }

    /** With no extra bytes after the switch box, the new protocol gets no empty dataReceived. */
    public void test_protocolSwitchEmptyBuffer() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        TestProto otherProto = new TestProto(null, b(""));
        a._switchTo(otherProto);
        assertEqual(otherProto.data, List.of());
    }

    /** Lock before switching; unlock only if the switch failed; no sending while locked. */
    public void test_protocolSwitchInvalidStates() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        AmpBox sampleBox = AmpBox.of("some", "data");
        a._lockForSwitch();
        assertRaises(ProtocolSwitched.class, () -> a.sendBox(sampleBox));
        a._unlockFromSwitch();
        a.sendBox(sampleBox);
        assertEqual(concat(data.toArray(new byte[0][])), sampleBox.serialize());
        a._lockForSwitch();
        TestProto otherProto = new TestProto(null, b("outgoing data"));
        a._switchTo(otherProto);
        assertRaises(ProtocolSwitched.class, a::_unlockFromSwitch);
    }

    /** When switched, the nested protocol is told of the disconnection. */
    public void test_protocolSwitchLoseConnection() {
        Failure[] reason = {null};
        Protocol connectionLoser = new Protocol() {
            @Override
            public void connectionLost(Failure r) {
                reason[0] = r;
            }
        };
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        a._lockForSwitch();
        a._switchTo(connectionLoser);
        Failure connectionFailure = new Failure(new RuntimeException());
        a.connectionLost(connectionFailure);
        assertIs(reason[0], connectionFailure);
    }

    /** When switched, the nested client protocol factory is told of the disconnection. */
    public void test_protocolSwitchLoseClientConnection() {
        Failure[] reason = {null};
        ClientFactory clientLoser = new ClientFactory() {
            @Override
            public void clientConnectionLost(IConnector connector, Failure r) {
                reason[0] = r;
            }
        };
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        Protocol connectionLoser = new Protocol();
        a.makeConnection(self);
        a._lockForSwitch();
        a._switchTo(connectionLoser, clientLoser);
        Failure connectionFailure = new Failure(new RuntimeException());
        a.connectionLost(connectionFailure);
        assertIs(reason[0], connectionFailure);
        assertIsInstance(reason[0].value(), RuntimeException.class);
    }
}
