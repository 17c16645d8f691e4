package dev.twj.protocols.basic;

import dev.twj.internet.interfaces.ITransport;

/**
 * Reads the {@code disconnecting} flag of a transport: Twisted's receivers test
 * {@code self.transport.disconnecting}, an attribute of Twisted's transports that
 * {@link ITransport} does not declare.
 *
 * <p>twj declares it as {@link ITransport#disconnecting()}, which every twj transport implements.
 */
final class Transports {
    private Transports() {}

    /** Returns true if {@code transport} is non-null and has been told to lose its connection. */
    static boolean disconnecting(ITransport transport) {
        return transport != null && transport.disconnecting();
    }
}
