package dev.twj.protocols.amp;

/**
 * A transport that can send file descriptors, as Twisted's {@code IUNIXTransport} can; what
 * {@link Descriptor} needs. twj has no UNIX-socket transport yet, so no real transport implements
 * it; it should move to {@code dev.twj.internet.interfaces} as {@code IUNIXTransport} when one
 * does.
 */
public interface IFileDescriptorSender {
    /** Sends {@code descriptor}; the peer receives it before the data written after it. */
    void sendFileDescriptor(int descriptor);
}
