package dev.twj.internet.interfaces;

/**
 * A file descriptor the reactor reads from. Port of
 * {@code twisted.internet.interfaces.IReadDescriptor}.
 */
public interface IReadDescriptor extends IFileDescriptor {
    /**
     * Some data is available for reading on the descriptor.
     *
     * @return null, or a Failure to disconnect with
     */
    Object doRead();
}
