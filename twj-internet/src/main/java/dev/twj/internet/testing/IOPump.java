package dev.twj.internet.testing;

import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.task.Clock;
import java.io.PrintStream;

/**
 * Pumps data between a client and a server connected by two {@link FakeTransport}s, for protocol
 * testing. Port of {@code twisted.test.iosim.IOPump}.
 *
 * <p>Each {@link #pump} advances the clock by 0 (running calls scheduled with
 * {@code callLater(0, f)}), takes what each side has written, resumes pull producers, delivers
 * the data to the other side, and, once no data moves, carries a disconnection across:
 *
 * <pre>
 *   client --write--> clientIO.stream --pump--> serverIO.bufferReceived --> server.dataReceived
 *   server --write--> serverIO.stream --pump--> clientIO.bufferReceived --> client.dataReceived
 *   serverIO.disconnecting --pump--> client.connectionLost --next pump--> server.connectionLost
 * </pre>
 *
 * <p>Differences from Twisted: the clock is a {@link Clock} (Twisted's duck-typed {@code clock}
 * only needs {@code advance}); without one a new Clock is used where Twisted creates a
 * {@code MemoryReactorClock}, whose time is that of a Clock (pass {@link
 * MemoryReactorClock#clock()} to pump a MemoryReactorClock's time). Debug output goes to
 * {@code System.out} as Twisted's {@code print}, with the bytes shown as Python's {@code repr}.
 */
public final class IOPump {
    /** The protocol on the connecting side. */
    public final IProtocol client;

    /** The protocol on the accepting side. */
    public final IProtocol server;

    /** The client's transport. */
    public final FakeTransport clientIO;

    /** The server's transport. */
    public final FakeTransport serverIO;

    /** Whether every pump prints what it moves. */
    public boolean debug;

    /** The clock each pump advances by 0. */
    public final Clock clock;

    /** Where debug output goes; {@code System.out} as Twisted's print. */
    PrintStream out = System.out;

    /**
     * Creates a pump.
     *
     * @param client the protocol on the connecting side
     * @param server the protocol on the accepting side
     * @param clientIO the client's transport
     * @param serverIO the server's transport
     * @param debug whether to print what moves
     * @param clock the clock to advance on each pump, or null for a new {@link Clock}
     */
    public IOPump(
            IProtocol client,
            IProtocol server,
            FakeTransport clientIO,
            FakeTransport serverIO,
            boolean debug,
            Clock clock) {
        this.client = client;
        this.server = server;
        this.clientIO = clientIO;
        this.serverIO = serverIO;
        this.debug = debug;
        this.clock = clock == null ? new Clock() : clock;
    }

    /** Pumps until there is no more input or output, advancing the clock; see {@link #flush(boolean, boolean)}. */
    public boolean flush() {
        return flush(false, true);
    }

    /**
     * Pumps until there is no more input or output.
     *
     * @param debug print what moves, even if {@link #debug} is false
     * @param advanceClock advance the clock by 0 on each pump
     * @return whether any data was moved
     * @throws AssertionError "Too long" if data still moves after 1000 pumps
     */
    public boolean flush(boolean debug, boolean advanceClock) {
        boolean result = false;
        for (int i = 0; i < 1000; i++) {
            if (pump(debug, advanceClock)) {
                result = true;
            } else {
                return result;
            }
        }
        throw new AssertionError("Too long");
    }

    /** Moves data back and forth once, advancing the clock; see {@link #pump(boolean, boolean)}. */
    public boolean pump() {
        return pump(false, true);
    }

    /**
     * Moves data back and forth, while also triggering any currently pending scheduled calls
     * (i.e. {@code callLater(0, f)}).
     *
     * @param debug print what moves, even if {@link #debug} is false
     * @param advanceClock advance the clock by 0 first
     * @return whether any data was moved (a disconnection carried across counts)
     */
    public boolean pump(boolean debug, boolean advanceClock) {
        if (advanceClock) {
            clock.advance(0);
        }
        boolean print = this.debug || debug;
        if (print) {
            out.println("-- GLUG --");
        }
        byte[] sData = serverIO.getOutBuffer();
        byte[] cData = clientIO.getOutBuffer();
        clientIO.checkProducer();
        serverIO.checkProducer();
        if (print) {
            out.println(".");
            // XXX slightly buggy in the face of incremental output
            if (cData != null) {
                out.println("C: " + repr(cData));
            }
            if (sData != null) {
                out.println("S: " + repr(sData));
            }
        }
        if (cData != null) {
            serverIO.bufferReceived(cData);
        }
        if (sData != null) {
            clientIO.bufferReceived(sData);
        }
        if (cData != null || sData != null) {
            return true;
        }
        if (serverIO.disconnecting && !serverIO.disconnected) {
            if (print) {
                out.println("* C");
            }
            serverIO.disconnected = true;
            clientIO.disconnecting = true;
            clientIO.reportDisconnect();
            return true;
        }
        if (clientIO.disconnecting && !clientIO.disconnected) {
            if (print) {
                out.println("* S");
            }
            clientIO.disconnected = true;
            serverIO.disconnecting = true;
            serverIO.reportDisconnect();
            return true;
        }
        return false;
    }

    /** Returns {@code data} as Python's {@code repr} of bytes: {@code b'a\r\n\x00'}. */
    static String repr(byte[] data) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : data) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder s = new StringBuilder(data.length + 3).append('b').append(quote);
        for (byte b : data) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                s.append('\\').append((char) c);
            } else if (c == '\t') {
                s.append("\\t");
            } else if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                s.append(String.format("\\x%02x", c));
            } else {
                s.append((char) c);
            }
        }
        return s.append(quote).toString();
    }

    @Override
    public String toString() {
        return "IOPump{" + clientIO + " <-> " + serverIO + "}";
    }
}
