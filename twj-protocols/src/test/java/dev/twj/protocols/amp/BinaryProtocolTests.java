package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.concat;
import static dev.twj.protocols.amp.AmpTestSupport.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.testing.StringTransport;
import dev.twj.protocols.amp.AmpFixtures.TestProto;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of {@code BinaryProtocolTests}: tests for BinaryBoxProtocol. As in Twisted, the test
 * object is the box receiver and a fake transport ({@link #receiver} and {@link #self}).
 */
class BinaryProtocolTests {
    List<AmpBox> boxes;
    List<byte[]> data;
    IBoxSender boxSender;
    Failure stopReason;
    AmpTestSupport.LoggedErrors logged;

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

    @BeforeEach
    void setUp() {
        boxes = new ArrayList<>();
        data = new ArrayList<>();
        logged = new AmpTestSupport.LoggedErrors();
    }

    @AfterEach
    void tearDown() {
        logged.close();
    }

    /** When connected, the protocol calls startReceivingBoxes with itself as the sender. */
    @Test
    public void test_startReceivingBoxes() {
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(null);
        assertSame(protocol, boxSender);
    }

    /** The receiver can send a box from startReceivingBoxes and have it sent. */
    @Test
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
        assertEquals("\u0000\u0003foo\u0000\u0003bar\u0000\u0000", s(transport.value()));
    }

    /** A key, a value and an empty string emit a box to the boxReceiver. */
    @Test
    public void test_receiveBoxStateMachine() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.stringReceived(b("hello"));
        a.stringReceived(b("world"));
        a.stringReceived(b(""));
        assertEquals(List.of(AmpBox.of("hello", "world")), boxes);
    }

    /** The connection drops if the length prefix of the first key is larger than 255. */
    @Test
    public void test_firstBoxFirstKeyExcessiveLength() {
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(transport);
        protocol.dataReceived(b("\u0001\u0000"));
        assertTrue(transport.disconnecting);
    }

    /** The connection drops if a subsequent key in the first box is longer than 255. */
    @Test
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
    @Test
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
    @Test
    public void test_excessiveKeyFailure() {
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(new StringTransport());
        protocol.dataReceived(b("\u0001\u0000"));
        protocol.connectionLost(new Failure(new ConnectionDone("simulated connection done")));
        stopReason.trap(TooLong.class);
        TooLong value = (TooLong) stopReason.value();
        assertTrue(value.isKey);
        assertFalse(value.isLocal);
        assertNull(value.value);
        assertNull(value.keyName);
    }

    /** unhandledError logs the failure passed to it and disconnects its transport. */
    @Test
    public void test_unhandledErrorWithTransport() {
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(transport);
        protocol.unhandledError(new Failure(new RuntimeException("Fake error")));
        assertEquals(1, logged.flushLoggedErrors(RuntimeException.class).size());
        assertTrue(transport.disconnecting);
    }

    /** unhandledError completes without error when there is no associated transport. */
    @Test
    public void test_unhandledErrorWithoutTransport() {
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(new StringTransport());
        protocol.connectionLost(new Failure(new Exception("Simulated")));
        protocol.unhandledError(new Failure(new RuntimeException("Fake error")));
        assertEquals(1, logged.flushLoggedErrors(RuntimeException.class).size());
    }

    /** The serialized form of a box is received as a similar box. */
    @Test
    public void test_receiveBoxData() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.dataReceived(AmpBox.of("testKey", "valueTest", "anotherKey", "anotherValue").serialize());
        assertEquals(List.of(AmpBox.of("testKey", "valueTest", "anotherKey", "anotherValue")), boxes);
    }

    /** Values of up to 2**16 - 1 bytes can be received. */
    @Test
    public void test_receiveLongerBoxData() {
        byte[] value = new byte[(1 << 16) - 1];
        Arrays.fill(value, (byte) 'x');
        StringTransport transport = new StringTransport();
        BinaryBoxProtocol protocol = new BinaryBoxProtocol(receiver);
        protocol.makeConnection(transport);
        protocol.dataReceived(new AmpBox().put("k", value).serialize());
        assertEquals(List.of(new AmpBox().put("k", value)), boxes);
        assertFalse(transport.disconnecting);
    }

    /** Sending a box emits its serialized bytes to the transport. */
    @Test
    public void test_sendBox() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        AmpBox aBox = AmpBox.of("testKey", "valueTest", "someData", "hello");
        a.makeConnection(self);
        a.sendBox(aBox);
        assertArrayEquals(aBox.serialize(), concat(data.toArray(new byte[0][])));
    }

    /** Losing the connection tells the box receiver it has stopped receiving boxes. */
    @Test
    public void test_connectionLostStopSendingBoxes() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        Failure connectionFailure = new Failure(new RuntimeException());
        a.connectionLost(connectionFailure);
        assertSame(connectionFailure, stopReason);
    }

    /** The protocol can switch to a different protocol on a box boundary. */
    @Test
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
        assertSame(self, otherProto.transport);
        assertEquals("\u0000\u0000Hello, world!", s(concat(otherProto.data.toArray(new byte[0][]))));
        assertEquals(List.of("outgoing data"), data.stream().map(AmpTestSupport::s).toList());
        a[0].dataReceived(b("more data"));
        assertEquals("\u0000\u0000Hello, world!more data", s(concat(otherProto.data.toArray(new byte[0][]))));
        assertThrows(ProtocolSwitched.class, () -> a[0].sendBox(anyOldBox));
    }

    /** With no extra bytes after the switch box, the new protocol gets no empty dataReceived. */
    @Test
    public void test_protocolSwitchEmptyBuffer() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        TestProto otherProto = new TestProto(null, b(""));
        a._switchTo(otherProto);
        assertEquals(List.of(), otherProto.data);
    }

    /** Lock before switching; unlock only if the switch failed; no sending while locked. */
    @Test
    public void test_protocolSwitchInvalidStates() {
        BinaryBoxProtocol a = new BinaryBoxProtocol(receiver);
        a.makeConnection(self);
        AmpBox sampleBox = AmpBox.of("some", "data");
        a._lockForSwitch();
        assertThrows(ProtocolSwitched.class, () -> a.sendBox(sampleBox));
        a._unlockFromSwitch();
        a.sendBox(sampleBox);
        assertArrayEquals(sampleBox.serialize(), concat(data.toArray(new byte[0][])));
        a._lockForSwitch();
        TestProto otherProto = new TestProto(null, b("outgoing data"));
        a._switchTo(otherProto);
        assertThrows(ProtocolSwitched.class, a::_unlockFromSwitch);
    }

    /** When switched, the nested protocol is told of the disconnection. */
    @Test
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
        assertSame(connectionFailure, reason[0]);
    }

    /** When switched, the nested client protocol factory is told of the disconnection. */
    @Test
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
        assertSame(connectionFailure, reason[0]);
        assertInstanceOf(RuntimeException.class, reason[0].value());
    }
}
