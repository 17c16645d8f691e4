package dev.twj.internet.protocol;

import dev.twj.internet.interfaces.ITransport;

/**
 * The abstract superclass of all protocols. Port of
 * {@code twisted.internet.protocol.BaseProtocol}.
 *
 * <p>As in Twisted, {@link #transport} and {@link #connected} are plain fields: a test may set
 * {@code transport} to a {@code StringTransport} and call the protocol's methods directly.
 */
public abstract class BaseProtocol {
    /** True once {@link #makeConnection} has run. */
    public boolean connected;

    /** The transport of this protocol's connection, set by {@link #makeConnection}. */
    public ITransport transport;

    /** Creates a protocol with no transport. */
    protected BaseProtocol() {}

    /**
     * Makes a connection to a transport and a server: sets {@link #transport} and
     * {@link #connected}, then calls {@link #connectionMade}.
     */
    public void makeConnection(ITransport transport) {
        this.connected = true;
        this.transport = transport;
        connectionMade();
    }

    /**
     * Called when a connection is made.
     *
     * <p>This may be considered the initializer of the protocol, because it is called when the
     * connection is completed. For clients, this is called once the connection to the server has
     * been established; for servers, this is called after an accept() call stops blocking and a
     * socket has been received. If you need to send any greeting or initial message, do it here.
     */
    public void connectionMade() {}
}
