package dev.twj.protocols.basic;

import dev.twj.internet.interfaces.ITransport;
import dev.twj.internet.testing.StringTransport;

/**
 * Reads the {@code disconnecting} flag of a transport: Twisted's receivers test
 * {@code self.transport.disconnecting}, an attribute of Twisted's transports that
 * {@link ITransport} does not declare.
 *
 * <p>Only {@link StringTransport} exposes it in twj today; when the reactor's transports do, this
 * is the one place to teach about them.
 */
final class Transports {
    private Transports() {}

    /** Returns true if {@code transport} is non-null and has been told to lose its connection. */
    static boolean disconnecting(ITransport transport) {
        return transport instanceof StringTransport t && t.disconnecting;
    }
}
