package dev.twj.protocols.tls.internal;

import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.internal.TLSSupport;
import dev.twj.protocols.tls.TLSMemoryBIOFactory;
import dev.twj.protocols.tls.TLSMemoryBIOProtocol;

/**
 * Fills in the reactor's TLS hook with {@link TLSMemoryBIOProtocol}: what
 * {@code twisted.internet._newtls} does by importing {@code twisted.protocols.tls}.
 */
public final class TLSSupportImpl implements TLSSupport {
    /** Creates the service (called by {@link java.util.ServiceLoader}). */
    public TLSSupportImpl() {}

    @Override
    public IProtocol startTLS(IProtocol protocol, Object contextFactory, boolean isClient) {
        TLSMemoryBIOFactory tlsFactory = new TLSMemoryBIOFactory(contextFactory, isClient, null);
        return new TLSMemoryBIOProtocol(tlsFactory, protocol, false);
    }

    @Override
    public IProtocolFactory wrapFactory(IProtocolFactory factory, Object contextFactory, boolean isClient) {
        return new TLSMemoryBIOFactory(contextFactory, isClient, factory);
    }
}
