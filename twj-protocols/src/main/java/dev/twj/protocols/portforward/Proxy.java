package dev.twj.protocols.portforward;

import dev.twj.internet.protocol.Protocol;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;

/**
 * One side of a forwarded connection: writes what it receives to its peer's transport, and
 * closes the peer's connection when its own is lost. Port of
 * {@code twisted.protocols.portforward.Proxy}.
 */
public class Proxy extends Protocol {
    private static final Logger log = new Logger(Proxy.class);

    /** Whether a connection lost before the peer connected is logged. */
    public boolean noisy = true;

    /** The other side, or null until connected (and once lost). */
    public Proxy peer;

    /** Creates a proxy with no peer. */
    public Proxy() {}

    /** Sets the other side. */
    public void setPeer(Proxy peer) {
        this.peer = peer;
    }

    /** Closes the peer's connection, or logs that the peer could not be reached. */
    @Override
    public void connectionLost(Failure reason) {
        if (peer != null) {
            peer.transport.loseConnection();
            peer = null;
        } else if (noisy) {
            log.info("Unable to connect to peer: {reason}", "reason", reason);
        }
    }

    /** Writes {@code data} to the peer. */
    @Override
    public void dataReceived(byte[] data) {
        peer.transport.write(data);
    }
}
