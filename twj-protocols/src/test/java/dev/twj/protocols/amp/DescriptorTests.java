package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Port of {@code DescriptorTests}: Descriptor, an argument type for passing a file descriptor
 * over an AMP connection over a UNIX domain socket (here an in-memory double).
 */
class DescriptorTests extends SynchronousTestCase {
    /** An in-memory transport that can send file descriptors, collecting everything given to it. */
    static final class UNIXStringTransport implements ITransport, IFileDescriptorSender {
        final int fuzz;
        final List<Object[]> queue = new ArrayList<>();

        UNIXStringTransport(int descriptorFuzz) {
            this.fuzz = descriptorFuzz;
        }

        @Override
        public void sendFileDescriptor(int descriptor) {
            queue.add(new Object[] {"fileDescriptorReceived", descriptor + fuzz});
        }

        @Override
        public void write(byte[] data) {
            queue.add(new Object[] {"dataReceived", data});
        }

        @Override
        public void writeSequence(Iterable<byte[]> seq) {
            seq.forEach(this::write);
        }

        @Override
        public void loseConnection() {
            queue.add(new Object[] {"connectionLost", new Failure(new ConnectionLost())});
        }

        @Override
        public IAddress getHost() {
            return new UNIXAddress("/tmp/some-path");
        }

        @Override
        public IAddress getPeer() {
            return new UNIXAddress("/tmp/another-path");
        }
    }

    int fuzz;
    UNIXStringTransport transport;
    BinaryBoxProtocol protocol;

    void setUp() {
        fuzz = 3;
        transport = new UNIXStringTransport(fuzz);
        protocol = new BinaryBoxProtocol(new BoxDispatcher(new CommandLocator()));
        protocol.makeConnection(transport);
    }

    /** fromStringProto returns the previously received descriptor of the wire ordinal. */
    public void test_fromStringProto() {
        Descriptor argument = new Descriptor();
        protocol.fileDescriptorReceived(5);
        protocol.fileDescriptorReceived(3);
        protocol.fileDescriptorReceived(1);
        assertEqual(argument.fromStringProto(b("0"), protocol), 5);
        assertEqual(argument.fromStringProto(b("1"), protocol), 3);
        assertEqual(argument.fromStringProto(b("2"), protocol), 1);
        assertEqual(protocol._descriptors(), Map.of());
    }

    /** toStringProto sends the descriptor and encodes the next ordinal, starting from 0. */
    public void test_toStringProto() {
        Descriptor argument = new Descriptor();
        assertEqual(argument.toStringProto(2, protocol), b("0"));
        assertEqual(transport.queue.remove(0), new Object[] {"fileDescriptorReceived", 2 + fuzz});
        assertEqual(argument.toStringProto(4, protocol), b("1"));
        assertEqual(transport.queue.remove(0), new Object[] {"fileDescriptorReceived", 4 + fuzz});
        assertEqual(argument.toStringProto(6, protocol), b("2"));
        assertEqual(transport.queue.remove(0), new Object[] {"fileDescriptorReceived", 6 + fuzz});
        assertEqual(protocol._descriptors(), Map.of());
    }

    /** fromBox interprets what toBox built to reconstruct the descriptor. */
    public void test_roundTrip() {
        String name = "alpha";
        AmpBox strings = new AmpBox();
        int descriptor = 17;
        Map<String, Object> sendObjects = new HashMap<>(Map.of(name, descriptor));
        Descriptor argument = new Descriptor();
        argument.toBox(name, strings, sendObjects, protocol);
        BinaryBoxProtocol receiver = new BinaryBoxProtocol(new BoxDispatcher(new CommandLocator()));
        for (Object[] event : transport.queue) {
            switch ((String) event[0]) {
                case "fileDescriptorReceived" -> receiver.fileDescriptorReceived((Integer) event[1]);
                case "dataReceived" -> receiver.dataReceived((byte[]) event[1]);
                default -> receiver.connectionLost((Failure) event[1]);
            }
        }
        Map<String, Object> receiveObjects = new HashMap<>();
        argument.fromBox(name, strings.copy(), receiveObjects, receiver);
        // Adjusted by fuzz: it went through sendFileDescriptor, not just to a string and back.
        assertEqual(receiveObjects.get(name), descriptor + fuzz);
    }
}
