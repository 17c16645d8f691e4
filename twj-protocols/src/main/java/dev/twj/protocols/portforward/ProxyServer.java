package dev.twj.protocols.portforward;

import dev.twj.internet.Reactor;
import dev.twj.internet.interfaces.IReactorTCP;
import java.util.function.Supplier;

/**
 * The proxy's side of a client's connection: pauses reading from the client and connects to the
 * backend, whose {@link ProxyClient} resumes it. Port of
 * {@code twisted.protocols.portforward.ProxyServer}.
 *
 * <p>Difference from Twisted: when {@link #reactor} is null the global reactor
 * ({@link Reactor#reactor()}) is used and must provide {@link IReactorTCP}.
 */
public class ProxyServer extends Proxy {
    /** Builds the factory of the backend connection: Twisted's {@code clientProtocolFactory}. */
    public Supplier<? extends ProxyClientFactory> clientProtocolFactory = ProxyClientFactory::new;

    /** The reactor that connects to the backend, or null for the global reactor. */
    public IReactorTCP reactor;

    /** Creates a proxy server; its factory must be a {@link ProxyFactory}. */
    public ProxyServer() {}

    /** Pauses reading and connects to the backend at the factory's host and port. */
    @Override
    public void connectionMade() {
        // Don't read anything from the connecting client until we have somewhere to send it to.
        ProxyClient.producer(transport).pauseProducing();

        ProxyClientFactory client = clientProtocolFactory.get();
        client.setServer(this);

        if (reactor == null) {
            if (!(Reactor.reactor() instanceof IReactorTCP tcp)) {
                throw new IllegalStateException(
                        "the global reactor does not provide IReactorTCP; set ProxyServer.reactor");
            }
            reactor = tcp;
        }
        ProxyFactory f = (ProxyFactory) factory;
        reactor.connectTCP(f.host, f.port, client);
    }
}
