package dev.twj.internet.interfaces;

/**
 * A file descriptor the reactor writes to. Port of
 * {@code twisted.internet.interfaces.IWriteDescriptor}.
 */
public interface IWriteDescriptor extends IFileDescriptor {
    /**
     * Some data can be written to the descriptor.
     *
     * @return null, or a Failure to disconnect with
     */
    Object doWrite();
}
