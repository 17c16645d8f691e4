package dev.twj.protocols.portforward;

import dev.twj.internet.protocol.Factory;

/**
 * Factory for port forwarder: each connection is forwarded to {@link #host}:{@link #port}. Port
 * of {@code twisted.protocols.portforward.ProxyFactory}.
 */
public class ProxyFactory extends Factory {
    /** The backend's host. */
    public final String host;

    /** The backend's port. */
    public final int port;

    /** Creates a factory forwarding to {@code host}:{@code port}. */
    public ProxyFactory(String host, int port) {
        this.host = host;
        this.port = port;
        protocol = ProxyServer::new;
    }
}
