package dev.twj.internet.testing;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import dev.twj.internet.interfaces.IOpenSSLServerConnectionCreator;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorSSL;
import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.interfaces.IReactorUNIX;

/**
 * A fake reactor whose listen and connect methods throw. Port of
 * {@code twisted.internet.testing.RaisingMemoryReactor}.
 */
public class RaisingMemoryReactor implements IReactorTCP, IReactorSSL, IReactorUNIX {
    private final RuntimeException listenException;
    private final RuntimeException connectException;

    /**
     * Creates the reactor.
     *
     * @param listenException thrown by every listen method
     * @param connectException thrown by every connect method
     */
    public RaisingMemoryReactor(RuntimeException listenException, RuntimeException connectException) {
        this.listenException = listenException;
        this.connectException = connectException;
    }

    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String interface_) {
        throw listenException;
    }

    @Override
    public IConnector connectTCP(
            String host, int port, IProtocolFactory factory, double timeout, IAddress bindAddress) {
        throw connectException;
    }

    @Override
    public IListeningPort listenSSL(
            int port,
            IProtocolFactory factory,
            IOpenSSLServerConnectionCreator contextFactory,
            int backlog,
            String interface_) {
        throw listenException;
    }

    @Override
    public IConnector connectSSL(
            String host,
            int port,
            IProtocolFactory factory,
            IOpenSSLClientConnectionCreator contextFactory,
            double timeout,
            IAddress bindAddress) {
        throw connectException;
    }

    @Override
    public IListeningPort listenUNIX(
            String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {
        throw listenException;
    }

    @Override
    public IConnector connectUNIX(
            String address, IProtocolFactory factory, double timeout, boolean checkPID) {
        throw connectException;
    }
}
