package dev.twj.internet.interfaces;

/**
 * The transport of a UDP port. Port of {@code twisted.internet.interfaces.IUDPTransport}.
 */
public interface IUDPTransport {
    /**
     * Writes a datagram to {@code addr}, or to the connected address when {@code addr} is null.
     */
    void write(byte[] packet, IAddress addr);

    /** Connects the transport to one address: it then only sends to and receives from there. */
    void connect(String host, int port);

    /** Returns the address this port is bound to. */
    IAddress getHost();

    /**
     * Stops listening; the protocol's {@code doStop} is called. Returns a Deferred that fires
     * when the port has stopped (as Twisted's, which may return one; here always one, so that a
     * UDP port can also be an {@link IListeningPort}).
     */
    dev.twj.internet.defer.Deferred<Void> stopListening();

    /** Enables or disables sending to broadcast addresses. */
    void setBroadcastAllowed(boolean enabled);

    /** Returns true if sending to broadcast addresses is allowed. */
    boolean getBroadcastAllowed();
}
