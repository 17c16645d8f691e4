package dev.twj.internet.testing;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.protocol.Protocol;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayOutputStream;

/**
 * A protocol that collects the data delivered to it and can fire a Deferred when it is connected
 * or disconnected. Port of {@code twisted.internet.testing.AccumulatingProtocol}.
 *
 * <p>When its factory is an {@link AccumulatingFactory} whose {@code protocolConnectionMade} is
 * set, {@code connectionMade} fires that Deferred with this protocol (once, then clears it).
 */
public class AccumulatingProtocol extends Protocol {
    /** Whether {@code connectionMade} has been called. */
    public boolean made;

    /** Whether {@code connectionLost} has been called. */
    public boolean closed;

    /** The reason passed to {@code connectionLost}. */
    public Failure closedReason;

    /** If set, fired with null when {@code connectionLost} is called. */
    public Deferred<Void> closedDeferred;

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /** Creates the protocol. */
    public AccumulatingProtocol() {}

    /** Returns all the data passed to {@code dataReceived}: Twisted's {@code data}. */
    public byte[] data() {
        return data.toByteArray();
    }

    @Override
    public void connectionMade() {
        made = true;
        if (factory instanceof AccumulatingFactory f && f.protocolConnectionMade != null) {
            Deferred<AccumulatingProtocol> d = f.protocolConnectionMade;
            f.protocolConnectionMade = null;
            d.callback(this);
        }
    }

    @Override
    public void dataReceived(byte[] bytes) {
        data.writeBytes(bytes);
    }

    @Override
    public void connectionLost(Failure reason) {
        closed = true;
        closedReason = reason;
        if (closedDeferred != null) {
            Deferred<Void> d = closedDeferred;
            closedDeferred = null;
            d.callback(null);
        }
    }
}
