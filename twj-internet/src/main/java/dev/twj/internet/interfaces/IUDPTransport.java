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

    /** Stops listening; the protocol's {@code doStop} is called. */
    void stopListening();

    /** Enables or disables sending to broadcast addresses. */
    void setBroadcastAllowed(boolean enabled);

    /** Returns true if sending to broadcast addresses is allowed. */
    boolean getBroadcastAllowed();
}
