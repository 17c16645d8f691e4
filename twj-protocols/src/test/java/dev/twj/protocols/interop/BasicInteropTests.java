package dev.twj.protocols.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wire compatibility of {@code LineReceiver}, {@code NetstringReceiver} and
 * {@code Int32StringReceiver} with Twisted's own (issue 5): a twj peer on a real
 * {@link SelectReactor} and a Twisted peer in a Python process ({@link TwistedPeer}) exchange
 * messages over TCP on 127.0.0.1, in both directions: a twj client sends to a Twisted server that
 * echoes, and a Twisted client sends to a twj server that echoes.
 *
 * <p>Both sides write every frame in pieces of varying size with a pause between pieces, so each
 * receiver parses frames split at every position. The messages include empty ones, one with every
 * byte value, and one of exactly {@code MAX_LENGTH}; an oversized message makes the receiving side
 * drop the connection through {@code lineLengthExceeded}, a netstring parse error or
 * {@code lengthLimitExceeded}, and twj and Twisted receivers must report the same events.
 */
@Timeout(120)
class BasicInteropTests {
    /** Piece sizes of the twj side. */
    static final int[] JAVA_CHUNKS = {7, 1, 300, 2, 5000, 3};

    /** Piece sizes of the Twisted side. */
    static final String PYTHON_CHUNKS = "1,2,3,5,8,13,4096";

    static final double DELAY = 0.001;

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static int maxLength(String proto) {
        return proto.equals("line") ? 16384 : 99999;
    }

    /** The messages exchanged: empty ones, every byte value, delimiter halves, a full-size one. */
    static List<byte[]> messages(String proto) {
        List<byte[]> messages = new ArrayList<>();
        messages.add(new byte[0]);
        messages.add(b("hello, Twisted"));
        messages.add(new byte[0]);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        messages.add(all);
        byte[] reversed = new byte[256];
        for (int i = 0; i < 256; i++) {
            reversed[i] = (byte) (255 - i);
        }
        messages.add(reversed);
        messages.add(b("ends with half a delimiter\r"));
        messages.add(b("\nstarts with the other half"));
        messages.add(b("1:x,"));
        byte[] full = new byte[maxLength(proto)];
        for (int i = 0; i < full.length; i++) {
            full[i] = (byte) ('a' + i % 26);
        }
        messages.add(full);
        messages.add(b("bye"));
        return messages;
    }

    /** A message, one oversized message (MAX_LENGTH + 1 bytes), and one that must not arrive. */
    static List<byte[]> oversized(String proto) {
        byte[] big = new byte[maxLength(proto) + 1];
        Arrays.fill(big, (byte) 'x');
        return List.of(b("first"), big, b("never delivered"));
    }

    static List<String> expectedEvents(List<byte[]> messages) {
        List<String> expected = new ArrayList<>();
        for (byte[] m : messages) {
            expected.add("MSG " + JavaPeer.hex(m));
        }
        expected.add("LOST ConnectionDone");
        return expected;
    }

    static SelectReactor reactorWithTimeout() {
        SelectReactor reactor = new SelectReactor();
        IDelayedCall safety = reactor.callLater(20, reactor::stop);
        reactor.addSystemEventTrigger("before", "shutdown", () -> {
            if (safety.active()) {
                safety.cancel();
            }
            return null;
        });
        return reactor;
    }

    /**
     * Runs a twj client {@code sender} against a Twisted echo server and returns {twj events,
     * Twisted events}.
     */
    static List<List<String>> javaClientPythonServer(String proto, List<byte[]> messages, JavaPeer[] peerOut)
            throws IOException {
        try (TwistedPeer python = TwistedPeer.server(proto, "echoer", messages, PYTHON_CHUNKS, DELAY)) {
            SelectReactor reactor = reactorWithTimeout();
            JavaPeer peer = new JavaPeer(reactor, true, messages, JAVA_CHUNKS, DELAY, reactor::stop);
            peerOut[0] = peer;
            reactor.connectTCP("127.0.0.1", python.port(), ClientFactory.forProtocol(peer.protocol(proto)));
            reactor.run(false);
            return List.of(List.copyOf(peer.events), python.events());
        }
    }

    /**
     * Runs a Twisted client {@code sender} against a twj echo server and returns {twj events,
     * Twisted events}.
     */
    static List<List<String>> pythonClientJavaServer(String proto, List<byte[]> messages, JavaPeer[] peerOut)
            throws IOException {
        SelectReactor reactor = reactorWithTimeout();
        JavaPeer peer = new JavaPeer(reactor, false, messages, JAVA_CHUNKS, DELAY, reactor::stop);
        peerOut[0] = peer;
        IListeningPort port = reactor.listenTCP(
                0, ServerFactory.forProtocol(peer.protocol(proto)), 50, "127.0.0.1");
        int number = ((IPv4Address) port.getHost()).port();
        try (TwistedPeer python = TwistedPeer.client(number, proto, "sender", messages, PYTHON_CHUNKS, DELAY)) {
            reactor.run(false);
            port.stopListening();
            return List.of(List.copyOf(peer.events), python.events());
        }
    }

    /** A twj client sends every message to a Twisted server, which echoes each back. */
    @ParameterizedTest
    @ValueSource(strings = {"line", "netstring", "int32"})
    public void javaClientToTwistedServer(String proto) throws IOException {
        TwistedPeer.python();
        List<byte[]> messages = messages(proto);
        JavaPeer[] peer = {null};
        List<List<String>> events = javaClientPythonServer(proto, messages, peer);
        assertEquals(expectedEvents(messages), events.get(0), "twj client");
        assertEquals(expectedEvents(messages), events.get(1), "Twisted server");
        // How TCP coalesces the paced chunks depends on the load, so the number of reads is not
        // asserted; every cut position is tested in memory by BasicBehaviourTests.
    }

    /** A Twisted client sends every message to a twj server, which echoes each back. */
    @ParameterizedTest
    @ValueSource(strings = {"line", "netstring", "int32"})
    public void twistedClientToJavaServer(String proto) throws IOException {
        TwistedPeer.python();
        List<byte[]> messages = messages(proto);
        JavaPeer[] peer = {null};
        List<List<String>> events = pythonClientJavaServer(proto, messages, peer);
        assertEquals(expectedEvents(messages), events.get(0), "twj server");
        assertEquals(expectedEvents(messages), events.get(1), "Twisted client");
        // The number of reads depends on how TCP coalesces the paced chunks: not asserted.
    }

    /**
     * An oversized message makes the receiver (Twisted's, then twj's) call its limit hook once
     * and drop the connection; the message after it is never delivered, and both receivers
     * report the same events.
     */
    @ParameterizedTest
    @ValueSource(strings = {"line", "netstring", "int32"})
    public void oversizedMessageDropsTheConnectionOnBothSides(String proto) throws IOException {
        TwistedPeer.python();
        List<byte[]> messages = oversized(proto);
        String exceeded = proto.equals("int32") ? "EXCEEDED " + (maxLength(proto) + 1) : "EXCEEDED";
        List<String> expected = List.of("MSG " + JavaPeer.hex(b("first")), exceeded, "LOST ConnectionDone");

        JavaPeer[] peer = {null};
        List<List<String>> toTwisted = javaClientPythonServer(proto, messages, peer);
        assertEquals(expected, toTwisted.get(1), "Twisted receiver");
        List<String> javaSender = toTwisted.get(0);
        assertTrue(javaSender.get(javaSender.size() - 1).startsWith("LOST "), "twj sender " + javaSender);

        List<List<String>> toJava = pythonClientJavaServer(proto, messages, peer);
        assertEquals(expected, toJava.get(0), "twj receiver");
        List<String> pythonSender = toJava.get(1);
        assertTrue(!pythonSender.isEmpty() && pythonSender.get(pythonSender.size() - 1).startsWith("LOST "),
                "Twisted sender " + pythonSender);

        assertEquals(toTwisted.get(1), toJava.get(0), "Twisted and twj receivers differ");
    }
}
