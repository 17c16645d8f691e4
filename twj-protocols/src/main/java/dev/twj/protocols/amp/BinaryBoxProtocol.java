package dev.twj.protocols.amp;

import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol for receiving {@link AmpBox}es - key/value pairs - via length-prefixed strings.
 *
 * <p>Port of {@code twisted.protocols.amp.BinaryBoxProtocol}. A box is composed of any number
 * of key-value pairs, each a 2-byte big-endian key length (1-255), the key, a 2-byte value
 * length (up to 65,535) and the value; then 2 zero bytes. It can also switch to an entirely
 * different protocol between two boxes (see {@link ProtocolSwitchCommand}).
 *
 * <p>Contract: {@link #dataReceived} is called on one thread at a time. It never throws: a key
 * length above 255 closes the connection and {@link IBoxReceiver#stopReceivingBoxes} then
 * receives a {@link TooLong} failure; an exception from the box receiver (an empty box, an
 * answer to an unknown tag ...) goes to {@link #unhandledError}, which logs it and closes the
 * connection; after either, further data is discarded. At most one unfinished key or value
 * (65,537 bytes) plus the unparsed part of the last chunk is buffered. Differences from Twisted:
 * Twisted lets receiver exceptions escape {@code dataReceived} (the reactor then drops the
 * connection); the parser is its own state machine rather than {@code Int16StringReceiver}.
 * Boxes sent during {@code dataReceived} (answers, and commands sent from answers' callbacks)
 * reach the transport in one write when it returns (see {@link #flushBoxes}); Twisted's
 * transports buffer every write until the reactor's next pass anyway.
 * File descriptors ({@link Descriptor}) need a transport implementing
 * {@link IFileDescriptorSender}; {@link StartTLS} needs an
 * {@link dev.twj.internet.interfaces.ITLSTransport}.
 */
public class BinaryBoxProtocol extends Protocol implements IBoxSender {
    private static final Logger log = new Logger(BinaryBoxProtocol.class);

    /** The receiver whose {@link IBoxReceiver#ampBoxReceived} gets each box. */
    public IBoxReceiver boxReceiver;

    /**
     * The local certificate TLS was started with (a {@link dev.twj.internet.ssl.PrivateCertificate},
     * or a stand-in when none was given), or null before StartTLS.
     */
    public Object hostCertificate;

    /** For tests: makes {@link #peerCertificate()} return null. */
    public boolean noPeerCertificate;

    /** The protocol switched to, or null. */
    public IProtocol innerProtocol;

    /** The client factory told when the switched-to protocol's connection is lost, or null. */
    public ClientFactory innerProtocolClientFactory;

    private boolean locked;
    private boolean justStartedTLS;
    private List<AmpBox> startingTLSBuffer;
    private boolean keyLengthLimitExceeded;
    private boolean stopped;
    private AmpBox currentBox;
    private String currentKey;
    private byte[] currentKeyBytes;
    private int maxLength = Amp.MAX_KEY_LENGTH;

    // Whether this class keeps BinaryBoxProtocol's stringReceived: then parse() does its work
    // inline, without copying keys out of the buffer. 0 unknown, 1 yes, 2 no (overridden).
    private byte inlineStrings;
    // The keys received lately, as Strings and the bytes they came in: a connection uses a few
    // keys over and over (_command, _ask, _answer, the argument names); a hit costs no allocation.
    private static final int KEY_CACHE_SIZE = 8;
    private final String[] keyCache = new String[KEY_CACHE_SIZE];
    private final byte[][] keyCacheBytes = new byte[KEY_CACHE_SIZE][];
    private int keyCacheNext;

    private static final ClassValue<Boolean> OVERRIDES_STRING_RECEIVED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("stringReceived", byte[].class).getDeclaringClass() != BinaryBoxProtocol.class;
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
    };

    private byte[] buf = new byte[256];
    private int start;
    private int end;

    // Boxes sent while dataReceived runs are serialized at once (errors are thrown to the sender
    // as before) but written to the transport together when it returns: one write, so one
    // system call, for the answers to all the commands in one read instead of one per box.
    private int receiving;
    private byte[][] pendingBoxes = new byte[8][];
    private int pendingCount;
    private int pendingBytes;

    private final Map<Integer, Integer> descriptors = new HashMap<>();
    private int sendingDescriptorCounter;
    private int receivingDescriptorCounter;

    /** Creates a protocol delivering boxes to {@code boxReceiver}. */
    public BinaryBoxProtocol(IBoxReceiver boxReceiver) {
        this.boxReceiver = boxReceiver;
    }

    /** For subclasses (AMP) that set {@link #boxReceiver} themselves. */
    protected BinaryBoxProtocol() {}

    /**
     * Switches this protocol's transport to {@code newProto}; do it on both ends at once, as
     * {@link ProtocolSwitchCommand} does. Bytes already received after the current box go to the
     * new protocol. Port of {@code _switchTo}.
     */
    public void _switchTo(IProtocol newProto, ClientFactory clientFactory) {
        flushBoxes();
        byte[] newProtoData = recvd();
        start = end = 0;
        innerProtocol = newProto;
        innerProtocolClientFactory = clientFactory;
        newProto.makeConnection(transport);
        if (newProtoData.length > 0) {
            newProto.dataReceived(newProtoData);
        }
    }

    /** {@link #_switchTo(IProtocol, ClientFactory)} with no client factory. */
    public void _switchTo(IProtocol newProto) {
        _switchTo(newProto, null);
    }

    /** Returns the bytes received but not parsed yet. */
    public byte[] recvd() {
        return Arrays.copyOfRange(buf, start, end);
    }

    /**
     * Sends a box to the peer; {@code transport.write} is never called outside this method and
     * {@link #flushBoxes}. During {@link #dataReceived}, a plain {@link AmpBox} is written when
     * {@code dataReceived} returns, together with the others sent meanwhile.
     *
     * @throws ProtocolSwitched if the protocol has been switched, or is about to be
     * @throws ConnectionLost if the connection has been lost
     */
    @Override
    public void sendBox(AmpBox box) {
        if (locked) {
            throw new ProtocolSwitched("This connection has switched: no AMP traffic allowed.");
        }
        if (transport == null) {
            throw new ConnectionLost();
        }
        if (startingTLSBuffer != null) {
            startingTLSBuffer.add(box);
            return;
        }
        byte[] bytes = box.serialize();
        if (receiving > 0 && box.getClass() == AmpBox.class) {
            if (pendingCount == pendingBoxes.length) {
                pendingBoxes = Arrays.copyOf(pendingBoxes, pendingCount * 2);
            }
            pendingBoxes[pendingCount++] = bytes;
            pendingBytes += bytes.length;
            return;
        }
        // A box subclass may act on the transport once sent (QuitBox closes it, the switch and
        // TLS boxes hand it over): everything sent before it goes first.
        flushBoxes();
        transport.write(bytes);
    }

    /**
     * Writes the boxes sent during the current {@link #dataReceived} to the transport now, in
     * one write. Called when {@code dataReceived} returns, and before anything here acts on the
     * transport; code that writes to or changes the transport directly while boxes may be
     * pending (inside a responder or an answer's callback) must call it first.
     */
    protected void flushBoxes() {
        int n = pendingCount;
        if (n == 0) {
            return;
        }
        byte[][] boxes = pendingBoxes;
        byte[] all;
        if (n == 1) {
            all = boxes[0];
        } else {
            all = new byte[pendingBytes];
            int at = 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(boxes[i], 0, all, at, boxes[i].length);
                at += boxes[i].length;
            }
        }
        Arrays.fill(boxes, 0, n, null);
        pendingCount = 0;
        pendingBytes = 0;
        if (transport != null) {
            transport.write(all);
        }
    }

    /**
     * Used by {@link StartTLS} to buffer the boxes sent until TLS has started. Port of
     * {@code _prepareTLS}.
     *
     * @throws OnlyOneTLS if TLS was already started on this connection
     */
    public void _prepareTLS(Object certificate, List<?> verifyAuthorities) {
        startingTLSBuffer = new ArrayList<>();
        if (hostCertificate != null) {
            throw new OnlyOneTLS("Previously authenticated connection between " + hostCertificate + " and "
                    + peerCertificate() + " is trying to re-establish as " + certificate + " " + verifyAuthorities);
        }
    }

    /**
     * Starts TLS on the transport with {@code certificate}, verifying the peer against
     * {@code verifyAuthorities}, then sends the boxes buffered meanwhile. Port of
     * {@code _startTLS}.
     *
     * @throws IllegalStateException if the transport cannot start TLS
     */
    public void _startTLS(Object certificate, List<?> verifyAuthorities) {
        hostCertificate = certificate;
        justStartedTLS = true;
        if (!(transport instanceof dev.twj.internet.interfaces.ITLSTransport tls)) {
            throw new IllegalStateException("transport " + transport + " cannot start TLS (not an ITLSTransport)");
        }
        flushBoxes(); // the boxes sent before TLS starts go out in the clear, as written
        tls.startTLS(StartTLS.options(certificate, verifyAuthorities));
        List<AmpBox> stlsb = startingTLSBuffer;
        if (stlsb != null) {
            startingTLSBuffer = null;
            for (AmpBox box : stlsb) {
                sendBox(box);
            }
        }
    }

    /**
     * Returns the certificate of the TLS peer, or null if {@link #noPeerCertificate}. Port of
     * the {@code peerCertificate} property.
     *
     * @throws IllegalArgumentException if the transport is not TLS or the peer sent none
     */
    public dev.twj.internet.ssl.Certificate peerCertificate() {
        if (noPeerCertificate) {
            return null;
        }
        return dev.twj.internet.ssl.Certificate.peerFromTransport(transport);
    }

    /** Tells {@link #boxReceiver} that boxes are coming, then calls {@link #connectionMade}. */
    @Override
    public void makeConnection(ITransport transport) {
        this.connected = true;
        this.transport = transport;
        boxReceiver.startReceivingBoxes(this);
        connectionMade();
    }

    /** Parses incoming data as boxes, or relays it to the protocol switched to. */
    @Override
    public void dataReceived(byte[] data) {
        if (justStartedTLS) {
            justStartedTLS = false;
        }
        if (innerProtocol != null) {
            innerProtocol.dataReceived(data);
            return;
        }
        if (stopped) {
            return;
        }
        append(data);
        receiving++;
        try {
            parse();
        } catch (RuntimeException e) {
            stopped = true;
            start = end = 0;
            unhandledError(new Failure(e));
        } finally {
            if (--receiving == 0) {
                flushBoxes();
            }
        }
        afterParse(data);
    }

    /** Parses {@code data} and lets any error escape: for {@link Amp#parseString}. */
    void parseOnly(byte[] data) {
        append(data);
        parse();
        if (end != start || currentBox != null) {
            throw new MalformedAmpBox("AMP data ends inside a box: " + (end - start) + " bytes left over");
        }
    }

    private void afterParse(byte[] data) {
        if (innerProtocol != null && end > start) {
            // Only reachable when a switch happened from outside stringReceived.
            byte[] rest = recvd();
            start = end = 0;
            innerProtocol.dataReceived(rest);
        }
    }

    private void append(byte[] data) {
        int len = end - start;
        if (buf.length - end < data.length) {
            if (buf.length - len >= data.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, len);
            } else {
                byte[] nb = new byte[Math.max(buf.length * 2, len + data.length)];
                System.arraycopy(buf, start, nb, 0, len);
                buf = nb;
            }
            start = 0;
            end = len;
        }
        System.arraycopy(data, 0, buf, end, data.length);
        end += data.length;
    }

    private void parse() {
        while (!stopped && innerProtocol == null && end - start >= 2) {
            int length = ((buf[start] & 0xFF) << 8) | (buf[start + 1] & 0xFF);
            if (length > maxLength) {
                stopped = true;
                start = end = 0;
                lengthLimitExceeded(length);
                return;
            }
            if (end - start < 2 + length) {
                break;
            }
            int off = start + 2;
            start += 2 + length;
            if (inlineStrings == 0) {
                inlineStrings = OVERRIDES_STRING_RECEIVED.get(getClass()) ? (byte) 2 : (byte) 1;
            }
            if (inlineStrings == 2) {
                stringReceived(Arrays.copyOfRange(buf, off, off + length));
            } else if (currentKey != null) {
                // What stringReceived does with a value, keeping the key's bytes.
                currentBox.putEncoded(currentKey, currentKeyBytes, Arrays.copyOfRange(buf, off, off + length));
                currentKey = null;
                currentKeyBytes = null;
                maxLength = Amp.MAX_KEY_LENGTH;
            } else if (length > 0) {
                // What stringReceived does with a key.
                if (currentBox == null) {
                    currentBox = new AmpBox();
                }
                receiveKey(buf, off, length);
                maxLength = Amp.MAX_VALUE_LENGTH;
            } else {
                stringReceived(EMPTY);
            }
        }
        if (start == end) {
            start = end = 0;
            if (buf.length > 1 << 16) {
                buf = new byte[256];
            }
        }
    }

    private static final byte[] EMPTY = {};

    /** Sets {@link #currentKey} to the key in {@code b[off, off + len)}, from the cache if it is there. */
    private void receiveKey(byte[] b, int off, int len) {
        for (int i = 0; i < KEY_CACHE_SIZE; i++) {
            byte[] k = keyCacheBytes[i];
            if (k != null && k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) {
                currentKey = keyCache[i];
                currentKeyBytes = k;
                return;
            }
        }
        byte[] k = Arrays.copyOfRange(b, off, off + len);
        String key = Amp.latin1(k);
        int i = keyCacheNext;
        keyCacheNext = (i + 1) % KEY_CACHE_SIZE;
        keyCache[i] = key;
        keyCacheBytes[i] = k;
        currentKey = key;
        currentKeyBytes = k;
    }

    /**
     * A length-prefixed string was received: a key, a value, or the empty key that ends a box.
     * Port of {@code proto_init}, {@code proto_key}, {@code proto_value}.
     */
    public void stringReceived(byte[] string) {
        if (currentKey == null) {
            if (currentBox == null) {
                currentBox = new AmpBox();
            }
            if (string.length > 0) {
                currentKey = Amp.latin1(string);
                currentKeyBytes = null;
                maxLength = Amp.MAX_VALUE_LENGTH;
            } else {
                AmpBox box = currentBox;
                currentBox = null;
                boxReceiver.ampBoxReceived(box);
            }
        } else {
            currentBox.put(currentKey, string);
            currentKey = null;
            currentKeyBytes = null;
            maxLength = Amp.MAX_KEY_LENGTH;
        }
    }

    /** The key length limit was exceeded: disconnect, reporting {@link TooLong} later. */
    public void lengthLimitExceeded(int length) {
        keyLengthLimitExceeded = true;
        flushBoxes();
        transport.loseConnection();
    }

    /** The connection was lost; notify any nested protocol, then the box receiver. */
    @Override
    public void connectionLost(Failure reason) {
        if (innerProtocol != null) {
            innerProtocol.connectionLost(reason);
            if (innerProtocolClientFactory != null) {
                innerProtocolClientFactory.clientConnectionLost(null, reason);
            }
        }
        Failure failReason;
        if (keyLengthLimitExceeded) {
            failReason = new Failure(new TooLong(true, false, null, null));
        } else if (reason.check(dev.twj.internet.error.ConnectionClosed.class) != null && justStartedTLS) {
            // We just started TLS and haven't received any data. This means the other
            // connection didn't like our cert (although they may not have told us why).
            failReason = new Failure(new dev.twj.internet.error.PeerVerifyError(
                    "Peer rejected our certificate for an unknown reason."));
        } else {
            failReason = reason;
        }
        boxReceiver.stopReceivingBoxes(failReason);
    }

    /** Locks this protocol so no further boxes may be sent: a protocol switch is pending. */
    public void _lockForSwitch() {
        flushBoxes();
        locked = true;
    }

    /**
     * Unlocks after a failed switch attempt.
     *
     * @throws ProtocolSwitched if the protocol has already switched
     */
    public void _unlockFromSwitch() {
        if (innerProtocol != null) {
            throw new ProtocolSwitched("Protocol already switched.  Cannot unlock.");
        }
        locked = false;
    }

    /**
     * The buck stops here: this error was completely unhandled; log it and drop the connection.
     */
    @Override
    public void unhandledError(Failure failure) {
        log.failure("Amp server or network failure unhandled by client application.  "
                + "Dropping connection!  To avoid, add errbacks to ALL remote commands!", failure);
        if (transport != null) {
            flushBoxes();
            transport.loseConnection();
        }
    }

    /**
     * Sends {@code descriptor} over the transport and returns its ordinal on this connection.
     *
     * @throws UnsupportedOperationException if the transport cannot pass file descriptors
     */
    public int _sendFileDescriptor(int descriptor) {
        if (!(transport instanceof IFileDescriptorSender sender)) {
            throw new UnsupportedOperationException(
                    "amp.Descriptor needs a transport that can pass file descriptors (a UNIX socket"
                            + " implementing IFileDescriptorSender); this one is " + transport);
        }
        sender.sendFileDescriptor(descriptor);
        return sendingDescriptorCounter++;
    }

    /** Collects a received file descriptor, to be claimed later by {@link Descriptor}. */
    public void fileDescriptorReceived(int descriptor) {
        descriptors.put(receivingDescriptorCounter++, descriptor);
    }

    /**
     * Removes and returns the descriptor received with {@code ordinal}.
     *
     * @throws MalformedAmpBox if no such descriptor was received
     */
    public int _getDescriptor(int ordinal) {
        Integer d = descriptors.remove(ordinal);
        if (d == null) {
            throw new MalformedAmpBox("no file descriptor received with ordinal " + ordinal);
        }
        return d;
    }

    /** The received descriptors not claimed yet, by ordinal: for tests. */
    public Map<Integer, Integer> _descriptors() {
        return Map.copyOf(descriptors);
    }
}
