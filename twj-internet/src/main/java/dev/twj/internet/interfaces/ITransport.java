package dev.twj.internet.interfaces;

/**
 * A transport for bytes: the other half of a protocol. Port of
 * {@code twisted.internet.interfaces.ITransport}.
 *
 * <p>Contract, as in Twisted: {@link #write} never blocks; data is buffered and written as the
 * connection allows, in order. Writes after the connection is lost are ignored. All methods run
 * on the reactor thread.
 */
public interface ITransport {
    /**
     * Writes some data to the physical connection, in sequence, in a non-blocking fashion. If
     * possible, make sure that it is all written; no data will ever be lost, although (obviously)
     * the connection may be closed before it all gets through.
     */
    void write(byte[] data);

    /** Writes an iterable of byte arrays, as {@link #write} would each one in turn. */
    void writeSequence(Iterable<byte[]> data);

    /**
     * Closes the connection once all pending data is written. If a producer is registered, the
     * connection closes only after the producer is unregistered.
     */
    void loseConnection();

    /** Returns the address of the other side of this connection. */
    IAddress getPeer();

    /** Returns the address of this side of this connection. */
    IAddress getHost();

    /**
     * Returns true once {@link #loseConnection} (or an abort) has been called: Twisted's
     * {@code transport.disconnecting} attribute, which every Twisted transport has but
     * {@code ITransport} does not declare. Protocols such as {@code LineReceiver} stop delivering
     * data once it is true. Transports that cannot tell return false.
     */
    default boolean disconnecting() {
        return false;
    }
}
