package dev.twj.internet.interfaces;

/**
 * A reactor that makes and accepts TCP connections. Port of
 * {@code twisted.internet.interfaces.IReactorTCP}.
 */
public interface IReactorTCP {
    /**
     * Connects a TCP server to {@code port} on {@code interface_}.
     *
     * @param port a port number; 0 picks a free one (see {@link IListeningPort#getHost})
     * @param factory builds a protocol for each accepted connection
     * @param backlog the size of the listen queue
     * @param interface_ the local IPv4 or IPv6 address to bind; {@code ""} for all IPv4 addresses
     *     ({@code "::"} for all IPv4 and IPv6 addresses), as in Twisted
     * @throws RuntimeException {@code CannotListenError} if the port cannot be bound
     */
    IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String interface_);

    /** {@link #listenTCP(int, IProtocolFactory, int, String)} with Twisted's defaults: backlog 50, all interfaces. */
    default IListeningPort listenTCP(int port, IProtocolFactory factory) {
        return listenTCP(port, factory, 50, "");
    }

    /**
     * Connects a TCP client to {@code host}:{@code port}.
     *
     * @param factory a {@code ClientFactory}, told of the connection's progress
     * @param timeout seconds to wait before giving up
     * @param bindAddress the local address to bind to, or null
     */
    IConnector connectTCP(
            String host, int port, IProtocolFactory factory, double timeout, IAddress bindAddress);

    /** {@link #connectTCP(String, int, IProtocolFactory, double, IAddress)} with a 30 second timeout. */
    default IConnector connectTCP(String host, int port, IProtocolFactory factory) {
        return connectTCP(host, port, factory, 30, null);
    }
}
