package dev.twj.internet.protocol;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IUDPTransport;
import dev.twj.logger.Logger;

/**
 * Abstract protocol for datagram-oriented transports, e.g. UDP. Port of
 * {@code twisted.internet.protocol.AbstractDatagramProtocol}.
 */
public abstract class AbstractDatagramProtocol {
    /** The transport, set by {@link #makeConnection}. */
    public IUDPTransport transport;

    /** How many ports use this protocol. */
    public int numPorts;

    /** Whether starting and stopping is logged. */
    public boolean noisy = true;

    /** Creates a protocol with no transport. */
    protected AbstractDatagramProtocol() {}

    /** Makes sure {@link #startProtocol} is called once. Called by makeConnection. */
    public void doStart() {
        if (numPorts == 0) {
            if (noisy) {
                new Logger(getClass()).info("Starting protocol {protocol}", "protocol", this);
            }
            startProtocol();
        }
        numPorts++;
    }

    /** Makes sure {@link #stopProtocol} is called once. Called by the port. */
    public void doStop() {
        if (numPorts <= 0) {
            throw new IllegalStateException("doStop without doStart: numPorts " + numPorts);
        }
        numPorts--;
        transport = null;
        if (numPorts == 0) {
            if (noisy) {
                new Logger(getClass()).info("Stopping protocol {protocol}", "protocol", this);
            }
            stopProtocol();
        }
    }

    /** Called when a transport is connected to this protocol, once even for several ports. */
    public void startProtocol() {}

    /** Called when the transport is disconnected, once after all ports are disconnected. */
    public void stopProtocol() {}

    /**
     * Makes a connection to a transport: sets {@link #transport} and calls {@link #doStart}.
     *
     * @throws IllegalStateException if a transport is already set
     */
    public void makeConnection(IUDPTransport transport) {
        if (this.transport != null) {
            throw new IllegalStateException("transport already set: " + this.transport);
        }
        this.transport = transport;
        doStart();
    }

    /** Called when a datagram is received from {@code addr}. */
    public void datagramReceived(byte[] datagram, IAddress addr) {}
}
