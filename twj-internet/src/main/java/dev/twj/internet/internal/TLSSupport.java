package dev.twj.internet.internal;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.ISSLTransport;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The hook through which the reactor (twj-internet) reaches the TLS protocol of twj-protocols
 * ({@code dev.twj.protocols.tls}), which the reactor's module cannot depend on. twj-protocols
 * provides the one implementation as a {@link ServiceLoader} service.
 *
 * <p>Twisted's {@code twisted.internet._newtls} imports {@code twisted.protocols.tls} directly;
 * a Java module graph has no cycles, so the dependency is inverted here.
 */
public interface TLSSupport {
    /**
     * Wraps {@code protocol} (already connected) in a TLS layer that will not connect it again;
     * the caller must then call {@code layer.makeConnection(bypass)}, with a transport that
     * writes to the socket directly, and deliver received bytes to the layer. Port of the core
     * of {@code _newtls.startTLS}.
     *
     * @return the TLS layer: a protocol that is also an {@link ISSLTransport} and an
     *     {@link IConsumer}
     */
    IProtocol startTLS(IProtocol protocol, Object contextFactory, boolean isClient);

    /**
     * Wraps {@code factory} so that each of its protocols speaks TLS: what {@code listenSSL} and
     * {@code connectSSL} do with a {@code TLSMemoryBIOFactory}.
     */
    IProtocolFactory wrapFactory(IProtocolFactory factory, Object contextFactory, boolean isClient);

    /**
     * Returns the TLS implementation found on the module or class path.
     *
     * @throws UnsupportedOperationException if twj-protocols is not present
     */
    static TLSSupport get() {
        return Holder.INSTANCE;
    }

    /** Loads the implementation once. */
    final class Holder {
        private static final TLSSupport INSTANCE = load();

        private Holder() {}

        private static TLSSupport load() {
            Iterator<TLSSupport> it = ServiceLoader.load(TLSSupport.class, TLSSupport.class.getClassLoader()).iterator();
            if (it.hasNext()) {
                return it.next();
            }
            return new TLSSupport() {
                @Override
                public IProtocol startTLS(IProtocol protocol, Object contextFactory, boolean isClient) {
                    throw missing();
                }

                @Override
                public IProtocolFactory wrapFactory(IProtocolFactory factory, Object contextFactory, boolean isClient) {
                    throw missing();
                }
            };
        }

        private static UnsupportedOperationException missing() {
            return new UnsupportedOperationException("TLS needs twj-protocols (dev.twj.protocols.tls) on the module or class path");
        }
    }
}
