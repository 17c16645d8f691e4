package dev.twj.protocols.portforward;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITransport;

/**
 * The proxy's connection to the backend. Port of
 * {@code twisted.protocols.portforward.ProxyClient}.
 *
 * <p>When connected it wires its transport and the server side's transport together as each
 * other's streaming producers, so that a side that writes faster than the other reads is paused
 * rather than filling the proxy's memory, then resumes reading on the server side.
 *
 * <p>Both transports must be {@link IConsumer} and {@link IPushProducer} (TCP transports are).
 */
public class ProxyClient extends Proxy {
    /** Creates a proxy client; its factory sets the peer. */
    public ProxyClient() {}

    /** Connects to the peer and wires the two transports for flow control. */
    @Override
    public void connectionMade() {
        peer.setPeer(this);

        // Wire this and the peer transport together to enable flow control (this stops
        // connections from filling this proxy memory when one side produces data at a higher
        // rate than the other can consume).
        consumer(transport).registerProducer(producer(peer.transport), true);
        consumer(peer.transport).registerProducer(producer(transport), true);

        // We're connected, everybody can read to their hearts content.
        producer(peer.transport).resumeProducing();
    }

    static IConsumer consumer(ITransport t) {
        if (t instanceof IConsumer c) {
            return c;
        }
        throw new IllegalStateException("transport is not an IConsumer: " + t);
    }

    static IPushProducer producer(ITransport t) {
        if (t instanceof IPushProducer p) {
            return p;
        }
        throw new IllegalStateException("transport is not an IPushProducer: " + t);
    }
}
