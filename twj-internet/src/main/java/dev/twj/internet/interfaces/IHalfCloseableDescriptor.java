package dev.twj.internet.interfaces;

import dev.twj.python.failure.Failure;

/**
 * A descriptor that can be half-closed. Port of
 * {@code twisted.internet.interfaces.IHalfCloseableDescriptor}.
 */
public interface IHalfCloseableDescriptor {
    /** Indicates the write side was closed. */
    void writeConnectionLost(Failure reason);

    /** Indicates the read side was closed: the peer will send no more. */
    void readConnectionLost(Failure reason);
}
