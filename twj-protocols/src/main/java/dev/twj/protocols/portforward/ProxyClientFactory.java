package dev.twj.protocols.portforward;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.python.failure.Failure;

/**
 * Builds the {@link ProxyClient} of one {@link ProxyServer}. Port of
 * {@code twisted.protocols.portforward.ProxyClientFactory}.
 */
public class ProxyClientFactory extends ClientFactory {
    /** The server side whose backend connection this factory makes. */
    public ProxyServer server;

    /** Creates a factory of {@link ProxyClient}s; call {@link #setServer}. */
    public ProxyClientFactory() {
        protocol = ProxyClient::new;
    }

    /** Sets the server side the clients relay to. */
    public void setServer(ProxyServer server) {
        this.server = server;
    }

    /** Builds a client and makes the server side its peer. */
    @Override
    public Protocol buildProtocol(IAddress addr) {
        Protocol prot = super.buildProtocol(addr);
        ((Proxy) prot).setPeer(server);
        return prot;
    }

    /** Closes the server side's connection. */
    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        server.transport.loseConnection();
    }
}
