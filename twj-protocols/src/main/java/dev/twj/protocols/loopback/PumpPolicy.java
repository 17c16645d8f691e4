package dev.twj.protocols.loopback;

import dev.twj.internet.interfaces.IProtocol;

/**
 * Delivers the bytes waiting in a {@link LoopbackQueue} to a protocol: the {@code pumpPolicy}
 * callable of {@code twisted.protocols.loopback.loopbackAsync}.
 *
 * <p>A policy empties the queue, or stops at the null that marks a disconnection, and passes the
 * bytes to {@code target.dataReceived}. {@link Loopback#identityPumpPolicy} and
 * {@link Loopback#collapsingPumpPolicy} are the two Twisted provides.
 */
@FunctionalInterface
public interface PumpPolicy {
    /** Delivers the bytes of {@code queue} to {@code target}. */
    void pump(LoopbackQueue queue, IProtocol target);
}
