package dev.twj.internet.protocol;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorSSL;
import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.interfaces.IReactorUNIX;
import dev.twj.python.failure.Failure;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Connects a single protocol instance and hands it over in a Deferred. Port of Twisted's
 * {@code twisted.internet.protocol.ClientCreator}.
 *
 * <p>The Deferred returned by each {@code connect} method fires with the protocol once it is
 * connected, or fails with the reason the connection attempt failed; it fires in a later reactor
 * iteration. Cancelling it stops the attempt (the connector is disconnected) or, when it is
 * about to fire, cancels the pending delivery; it then fails with CancelledError.
 *
 * @param <P> the protocol type
 */
public class ClientCreator<P extends Protocol> {
    private final IReactorTime reactor;
    private final Supplier<? extends P> protocolClass;

    /**
     * Creates a ClientCreator making its protocols with {@code protocolClass}, on {@code reactor}
     * (which must also provide the connect method used: IReactorTCP, IReactorSSL or IReactorUNIX).
     */
    public ClientCreator(IReactorTime reactor, Supplier<? extends P> protocolClass) {
        this.reactor = reactor;
        this.protocolClass = protocolClass;
    }

    private Deferred<P> connect(Function<IProtocolFactory, IConnector> method) {
        InstanceFactory<P> f = new InstanceFactory<>(reactor, protocolClass.get());
        IConnector[] connector = new IConnector[1];
        Deferred<P> d = new Deferred<>(deferred -> {
            connector[0].disconnect();
            if (f.pending != null) {
                f.pending.cancel();
                f.pending = null;
            }
        });
        f.deferred = d;
        connector[0] = method.apply(f);
        return d;
    }

    /** Connects to a TCP server at {@code host}:{@code port}; see {@link IReactorTCP#connectTCP}. */
    public Deferred<P> connectTCP(String host, int port, double timeout, IAddress bindAddress) {
        IReactorTCP tcp = (IReactorTCP) reactor;
        return connect(f -> tcp.connectTCP(host, port, f, timeout, bindAddress));
    }

    /** Connects to {@code host}:{@code port} with a 30 second timeout. */
    public Deferred<P> connectTCP(String host, int port) {
        return connectTCP(host, port, 30, null);
    }

    /** Connects to a UNIX socket at {@code address}; see {@link IReactorUNIX#connectUNIX}. */
    public Deferred<P> connectUNIX(String address, double timeout, boolean checkPID) {
        IReactorUNIX unix = (IReactorUNIX) reactor;
        return connect(f -> unix.connectUNIX(address, f, timeout, checkPID));
    }

    /** Connects to a UNIX socket at {@code address} with a 30 second timeout. */
    public Deferred<P> connectUNIX(String address) {
        return connectUNIX(address, 30, false);
    }

    /** Connects with TLS to {@code host}:{@code port}; see {@link IReactorSSL#connectSSL}. */
    public Deferred<P> connectSSL(String host, int port, IOpenSSLClientConnectionCreator contextFactory,
            double timeout, IAddress bindAddress) {
        IReactorSSL ssl = (IReactorSSL) reactor;
        return connect(f -> ssl.connectSSL(host, port, f, contextFactory, timeout, bindAddress));
    }

    /** Connects with TLS to {@code host}:{@code port} with a 30 second timeout. */
    public Deferred<P> connectSSL(String host, int port, IOpenSSLClientConnectionCreator contextFactory) {
        return connectSSL(host, port, contextFactory, 30, null);
    }

    /** Factory used by ClientCreator: hands out its one instance. Twisted's {@code _InstanceFactory}. */
    static final class InstanceFactory<P extends Protocol> extends ClientFactory {
        private final IReactorTime reactor;
        private final P instance;
        Deferred<P> deferred;
        IDelayedCall pending;

        InstanceFactory(IReactorTime reactor, P instance) {
            this.reactor = reactor;
            this.instance = instance;
            this.noisy = false;
        }

        @Override
        public Protocol buildProtocol(IAddress addr) {
            Deferred<P> d = deferred;
            deferred = null;
            pending = reactor.callLater(0, () -> {
                pending = null;
                d.callback(instance);
            });
            instance.factory = this;
            return instance;
        }

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            Deferred<P> d = deferred;
            deferred = null;
            pending = reactor.callLater(0, () -> {
                pending = null;
                d.errback(reason);
            });
        }

        @Override
        public String toString() {
            return "<ClientCreator factory: " + instance + ">";
        }
    }
}
