package dev.twj.internet.protocol;

import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.internal.ClassNames;

/**
 * The protocol for UDP. Port of {@code twisted.internet.protocol.DatagramProtocol}.
 */
public class DatagramProtocol extends AbstractDatagramProtocol implements ILoggingContext {
    /** Creates a protocol with no transport. */
    public DatagramProtocol() {}

    /**
     * Returns a prefix identifying this protocol in log messages: its class's simple name, or for
     * an anonymous class its binary name after the package ({@code ChatServer$1}).
     */
    @Override
    public String logPrefix() {
        return ClassNames.nameOf(getClass());
    }

    /**
     * Called due to an error from a write in a connected socket: the peer port is unreachable.
     * Only called for connected transports.
     */
    public void connectionRefused() {}
}
