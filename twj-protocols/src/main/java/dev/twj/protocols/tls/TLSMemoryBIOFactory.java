package dev.twj.protocols.tls;

import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import dev.twj.internet.interfaces.IOpenSSLServerConnectionCreator;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.protocols.policies.WrappingFactory;
import javax.net.ssl.SSLEngine;

/**
 * Adds TLS to the connections of a wrapped factory. Port of
 * {@code twisted.protocols.tls.TLSMemoryBIOFactory}.
 *
 * <p>Differences from Twisted: {@code contextFactory} must be an
 * {@link IOpenSSLClientConnectionCreator} for a client and an
 * {@link IOpenSSLServerConnectionCreator} for a server (twj has no old-style
 * {@code IOpenSSLContextFactory} to adapt); the protocol is {@link TLSMemoryBIOProtocol}, without
 * the small-write aggregation of Twisted's {@code BufferingTLSTransport}.
 */
public class TLSMemoryBIOFactory extends WrappingFactory {
    private final Object contextFactory;
    private final boolean isClient;

    /**
     * Creates the factory.
     *
     * @param contextFactory creates the {@link SSLEngine} of each connection
     * @param isClient true if the connections are TLS clients
     * @param wrappedFactory the factory of the application protocols; null when used by
     *     {@code startTLS}, which wraps an existing protocol
     * @throws IllegalArgumentException if {@code contextFactory} cannot create the needed side
     */
    public TLSMemoryBIOFactory(Object contextFactory, boolean isClient, IProtocolFactory wrappedFactory) {
        super(wrappedFactory);
        if (isClient && !(contextFactory instanceof IOpenSSLClientConnectionCreator)) {
            throw new IllegalArgumentException(
                    "client contextFactory " + contextFactory + " is not an IOpenSSLClientConnectionCreator");
        }
        if (!isClient && !(contextFactory instanceof IOpenSSLServerConnectionCreator)) {
            throw new IllegalArgumentException(
                    "server contextFactory " + contextFactory + " is not an IOpenSSLServerConnectionCreator");
        }
        this.contextFactory = contextFactory;
        this.isClient = isClient;
        this.noisy = false;
    }

    /** True if the connections of this factory are TLS clients. */
    public boolean isClient() {
        return isClient;
    }

    /**
     * Annotates the wrapped factory's log prefix with some text indicating TLS is in use, e.g.
     * {@code "Server (TLS)"}.
     */
    @Override
    public String logPrefix() {
        String logPrefix;
        if (wrappedFactory instanceof ILoggingContext context) {
            logPrefix = context.logPrefix();
        } else {
            logPrefix = wrappedFactory == null ? "NoneType" : wrappedFactory.getClass().getSimpleName();
        }
        return logPrefix + " (TLS)";
    }

    /** Wraps {@code wrappedProtocol} in a {@link TLSMemoryBIOProtocol}. */
    @Override
    protected Protocol wrapProtocol(IProtocol wrappedProtocol) {
        return new TLSMemoryBIOProtocol(this, wrappedProtocol);
    }

    /** Creates the engine of one connection. Port of {@code _createConnection}. */
    protected SSLEngine createConnection(TLSMemoryBIOProtocol tlsProtocol) {
        if (isClient) {
            return ((IOpenSSLClientConnectionCreator) contextFactory).clientConnectionForTLS(tlsProtocol);
        }
        return ((IOpenSSLServerConnectionCreator) contextFactory).serverConnectionForTLS(tlsProtocol);
    }
}
