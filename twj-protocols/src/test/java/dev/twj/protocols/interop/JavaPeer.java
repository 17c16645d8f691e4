package dev.twj.protocols.interop;

import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.Protocol;
import dev.twj.protocols.basic.Int32StringReceiver;
import dev.twj.protocols.basic.LineReceiver;
import dev.twj.protocols.basic.NetstringReceiver;
import dev.twj.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The twj side of the interop tests, the same behaviour as {@code twisted_peer.py}: a sender
 * writes its messages and hangs up once they all came back, an echoer sends back every message;
 * every frame goes out in pieces whose sizes cycle through {@code chunks}, one piece every
 * {@code delay} seconds of the reactor. Events are recorded in the script's format.
 */
final class JavaPeer {
    final IReactorTime reactor;
    final boolean sender;
    final List<byte[]> messages;
    final int[] chunks;
    final double delay;
    final Runnable onLost;

    /** The events, as the Python peer prints them. */
    final List<String> events = new ArrayList<>();

    /** How many times dataReceived was called: shows that the input came in pieces. */
    int reads;

    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private Function<byte[], byte[]> framer;
    private ITransport transport;
    private boolean writing;
    private boolean lost;
    private int piece;
    private int received;

    JavaPeer(IReactorTime reactor, boolean sender, List<byte[]> messages, int[] chunks, double delay,
            Runnable onLost) {
        this.reactor = reactor;
        this.sender = sender;
        this.messages = messages;
        this.chunks = chunks;
        this.delay = delay;
        this.onLost = onLost;
    }

    /** Returns a protocol factory of {@code proto} ({@code line}, {@code netstring}, {@code int32}). */
    Supplier<Protocol> protocol(String proto) {
        return switch (proto) {
            case "line" -> Line::new;
            case "netstring" -> Netstring::new;
            case "int32" -> Int32::new;
            default -> throw new IllegalArgumentException(proto);
        };
    }

    static String hex(byte[] data) {
        return data.length == 0 ? "-" : HexFormat.of().formatHex(data);
    }

    private void connectionMade(ITransport t, Function<byte[], byte[]> frame) {
        transport = t;
        framer = frame;
        if (sender) {
            for (byte[] m : messages) {
                sendFrame(m);
            }
        }
    }

    private void sendFrame(byte[] message) {
        queue.add(framer.apply(message));
        if (!writing) {
            writing = true;
            piece = 0;
            writeSome();
        }
    }

    private void writeSome() {
        if (queue.isEmpty() || lost || transport.disconnecting()) {
            writing = false;
            return;
        }
        int size = chunks[piece++ % chunks.length];
        byte[] head = queue.peek();
        if (head.length > size) {
            transport.write(Arrays.copyOf(head, size));
            queue.poll();
            queue.addFirst(Arrays.copyOfRange(head, size, head.length));
        } else {
            transport.write(head);
            queue.poll();
        }
        reactor.callLater(delay, this::writeSome);
    }

    private void messageReceived(byte[] message) {
        events.add("MSG " + hex(message));
        received++;
        if (!sender) {
            sendFrame(message);
        } else if (received == messages.size()) {
            transport.loseConnection();
        }
    }

    private void connectionLost(Failure reason) {
        lost = true;
        events.add("LOST " + reason.value().getClass().getSimpleName());
        onLost.run();
    }

    /** A LineReceiver peer. */
    final class Line extends LineReceiver {
        @Override
        public void connectionMade() {
            JavaPeer.this.connectionMade(transport, m -> {
                byte[] out = Arrays.copyOf(m, m.length + delimiter.length);
                System.arraycopy(delimiter, 0, out, m.length, delimiter.length);
                return out;
            });
        }

        @Override
        public void dataReceived(byte[] data) {
            reads++;
            super.dataReceived(data);
        }

        @Override
        public void lineReceived(byte[] line) {
            messageReceived(line);
        }

        @Override
        public void lineLengthExceeded(byte[] line) {
            events.add("EXCEEDED");
            super.lineLengthExceeded(line);
        }

        @Override
        public void connectionLost(Failure reason) {
            JavaPeer.this.connectionLost(reason);
        }
    }

    /** A NetstringReceiver peer; a parse error is seen as the connection closing while not lost. */
    final class Netstring extends NetstringReceiver {
        @Override
        public void connectionMade() {
            JavaPeer.this.connectionMade(transport, m -> {
                byte[] length = (m.length + ":").getBytes(StandardCharsets.US_ASCII);
                byte[] out = Arrays.copyOf(length, length.length + m.length + 1);
                System.arraycopy(m, 0, out, length.length, m.length);
                out[out.length - 1] = ',';
                return out;
            });
        }

        @Override
        public void dataReceived(byte[] data) {
            reads++;
            boolean wasBroken = brokenPeer;
            super.dataReceived(data);
            if (brokenPeer && !wasBroken) {
                // NetstringReceiver's parse error handler is private, as Twisted's
                // _handleParseError: it sets brokenPeer and drops the connection.
                events.add("EXCEEDED");
            }
        }

        @Override
        public void stringReceived(byte[] string) {
            messageReceived(string);
        }

        @Override
        public void connectionLost(Failure reason) {
            JavaPeer.this.connectionLost(reason);
        }
    }

    /** An Int32StringReceiver peer. */
    final class Int32 extends Int32StringReceiver {
        @Override
        public void connectionMade() {
            JavaPeer.this.connectionMade(transport, m -> {
                byte[] out = new byte[4 + m.length];
                out[0] = (byte) (m.length >>> 24);
                out[1] = (byte) (m.length >>> 16);
                out[2] = (byte) (m.length >>> 8);
                out[3] = (byte) m.length;
                System.arraycopy(m, 0, out, 4, m.length);
                return out;
            });
        }

        @Override
        public void dataReceived(byte[] data) {
            reads++;
            super.dataReceived(data);
        }

        @Override
        public void stringReceived(byte[] string) {
            messageReceived(string);
        }

        @Override
        public void lengthLimitExceeded(long length) {
            events.add("EXCEEDED " + length);
            super.lengthLimitExceeded(length);
        }

        @Override
        public void connectionLost(Failure reason) {
            JavaPeer.this.connectionLost(reason);
        }
    }
}
