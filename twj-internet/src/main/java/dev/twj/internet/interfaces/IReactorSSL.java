package dev.twj.internet.interfaces;

/**
 * A reactor that makes and accepts TLS connections over TCP. Port of
 * {@code twisted.internet.interfaces.IReactorSSL}.
 */
public interface IReactorSSL {
    /**
     * Connects a client protocol to {@code host}:{@code port} over TLS.
     *
     * @param contextFactory creates the client TLS state
     * @param timeout seconds to wait before giving up
     * @param bindAddress the local address to bind to, or null
     */
    IConnector connectSSL(
            String host,
            int port,
            IProtocolFactory factory,
            IOpenSSLClientConnectionCreator contextFactory,
            double timeout,
            IAddress bindAddress);

    /**
     * Listens for TLS connections on {@code port}.
     *
     * @param contextFactory creates the server TLS state
     * @param backlog the size of the listen queue
     * @param interface_ the local address to bind, {@code ""} for all
     */
    IListeningPort listenSSL(
            int port,
            IProtocolFactory factory,
            IOpenSSLServerConnectionCreator contextFactory,
            int backlog,
            String interface_);
}
