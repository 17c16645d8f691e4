package dev.twj.protocols.portforward;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.testing.StringTransport;

/** Fixtures for the port forwarding tests: Twisted's testable factories and an in-memory link. */
final class PortforwardTestSupport {
    private PortforwardTestSupport() {}

    /** Test proxy client factory that keeps the last created protocol instance. */
    static class TestableProxyClientFactory extends ProxyClientFactory {
        /** The last instance of the protocol. */
        ProxyClient protoInstance;

        /** Create the protocol instance and keeps track of it. */
        @Override
        public Protocol buildProtocol(IAddress addr) {
            Protocol proto = super.buildProtocol(addr);
            protoInstance = (ProxyClient) proto;
            return proto;
        }
    }

    /** Test proxy factory that keeps the last created protocol instance. */
    static class TestableProxyFactory extends ProxyFactory {
        /** The last instance of the protocol. */
        ProxyServer protoInstance;

        /** Client factory used by {@code protoInstance} to create forward connections. */
        TestableProxyClientFactory clientFactoryInstance;

        TestableProxyFactory(String host, int port) {
            super(host, port);
        }

        /**
         * Create the protocol instance, keeps track of it, and makes it use
         * {@code clientFactoryInstance} as client factory.
         */
        @Override
        public Protocol buildProtocol(IAddress addr) {
            ProxyServer proto = (ProxyServer) super.buildProtocol(addr);
            clientFactoryInstance = new TestableProxyClientFactory();
            // Force the use of this specific instance
            proto.clientProtocolFactory = () -> clientFactoryInstance;
            protoInstance = proto;
            return proto;
        }
    }

    /**
     * An in-memory connection between two protocols on {@link StringTransport}s: {@link #pump}
     * moves what each side wrote to the other's {@code dataReceived}, except to a side whose
     * transport is paused ({@code pauseProducing}: it does not read), as a socket would.
     */
    static final class Link {
        final IProtocol a;
        final StringTransport ta;
        final IProtocol b;
        final StringTransport tb;

        Link(IProtocol a, StringTransport ta, IProtocol b, StringTransport tb) {
            this.a = a;
            this.ta = ta;
            this.b = b;
            this.tb = tb;
        }

        /** Moves the written bytes both ways once; returns true if any moved. */
        boolean pump() {
            boolean moved = move(ta, tb, b);
            moved |= move(tb, ta, a);
            return moved;
        }

        private static boolean move(StringTransport from, StringTransport readerTransport, IProtocol reader) {
            if (!"producing".equals(readerTransport.producerState)) {
                return false;
            }
            byte[] data = from.value();
            if (data.length == 0) {
                return false;
            }
            from.clear();
            reader.dataReceived(data);
            return true;
        }
    }

    /** Pumps the links until no bytes move. */
    static void pumpAll(Link... links) {
        boolean moved = true;
        for (int i = 0; moved && i < 10_000; i++) {
            moved = false;
            for (Link link : links) {
                moved |= link.pump();
            }
        }
    }
}
