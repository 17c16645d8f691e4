package dev.twj.internet.interfaces;

import dev.twj.python.failure.Failure;
import java.nio.channels.SelectableChannel;

/**
 * An interface representing a UNIX-style file descriptor: in twj, a selectable NIO channel. Port
 * of {@code twisted.internet.interfaces.IFileDescriptor}.
 */
public interface IFileDescriptor extends ILoggingContext {
    /**
     * Returns the channel the reactor selects on: Twisted's {@code fileno()}, which returns a
     * file descriptor number.
     */
    SelectableChannel fileno();

    /** Called when the connection was lost; the descriptor is removed from the reactor first. */
    void connectionLost(Failure reason);
}
