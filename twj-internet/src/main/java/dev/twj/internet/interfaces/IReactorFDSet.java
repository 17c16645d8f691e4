package dev.twj.internet.interfaces;

import java.util.List;

/**
 * The reactor's sets of file descriptors to watch for reading and writing. Port of
 * {@code twisted.internet.interfaces.IReactorFDSet}.
 */
public interface IReactorFDSet {
    /** Adds a descriptor to the set the reactor watches for input. */
    void addReader(IReadDescriptor reader);

    /** Adds a descriptor to the set the reactor watches for output. */
    void addWriter(IWriteDescriptor writer);

    /** Removes a descriptor from the input set. */
    void removeReader(IReadDescriptor reader);

    /** Removes a descriptor from the output set. */
    void removeWriter(IWriteDescriptor writer);

    /**
     * Removes all readers and writers, except the reactor's own internal ones.
     *
     * @return the descriptors removed
     */
    List<IFileDescriptor> removeAll();

    /** Returns the descriptors watched for input. */
    List<IReadDescriptor> getReaders();

    /** Returns the descriptors watched for output. */
    List<IWriteDescriptor> getWriters();
}
