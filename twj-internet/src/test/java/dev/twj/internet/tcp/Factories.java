package dev.twj.internet.tcp;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.testing.AccumulatingProtocol;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;

/** The factories and protocols of Twisted's {@code twisted.test.test_tcp} used by these tests. */
final class Factories {
    private Factories() {}

    /** A protocol that closes its connection on connect, and expects a clean close. */
    static class ClosingProtocol extends Protocol {
        @Override
        public void connectionMade() {
            transport.loseConnection();
        }

        @Override
        public void connectionLost(Failure reason) {
            reason.trap(ConnectionDone.class);
        }
    }

    /** A server factory that stops listening on its first connection, which it closes. */
    static class ClosingFactory extends ServerFactory {
        IListeningPort port;
        Deferred<Void> cleanerUpper;

        @Override
        public Protocol buildProtocol(IAddress conn) {
            cleanerUpper = port.stopListening();
            return new ClosingProtocol();
        }
    }

    /** Twisted's {@code MyProtocolFactoryMixin} as a server factory of AccumulatingProtocols. */
    static class MyServerFactory extends ServerFactory {
        final List<IAddress> peerAddresses = new ArrayList<>();
        Deferred<AccumulatingProtocol> protocolConnectionMade;
        Deferred<Void> protocolConnectionLost;
        AccumulatingProtocol lastProtocol;
        int called;

        @Override
        public Protocol buildProtocol(IAddress addr) {
            peerAddresses.add(addr);
            called++;
            AccumulatingProtocol p = new MyAccumulatingProtocol(this);
            p.closedDeferred = protocolConnectionLost;
            protocolConnectionLost = null;
            lastProtocol = p;
            return p;
        }
    }

    /** Twisted's {@code MyProtocolFactoryMixin} as a client factory. */
    static class MyClientFactory extends ClientFactory {
        final List<IAddress> peerAddresses = new ArrayList<>();
        Deferred<AccumulatingProtocol> protocolConnectionMade;
        Deferred<Void> protocolConnectionLost;
        AccumulatingProtocol lastProtocol;
        int called;
        int failed;
        int stopped;
        Failure reason;
        Failure lostReason;
        final Deferred<Void> deferred = new Deferred<>();
        final Deferred<Void> failDeferred = new Deferred<>();

        @Override
        public Protocol buildProtocol(IAddress addr) {
            peerAddresses.add(addr);
            called++;
            AccumulatingProtocol p = new MyAccumulatingProtocol(this);
            p.closedDeferred = protocolConnectionLost;
            protocolConnectionLost = null;
            lastProtocol = p;
            return p;
        }

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            failed = 1;
            this.reason = reason;
            failDeferred.callback(null);
        }

        @Override
        public void clientConnectionLost(IConnector connector, Failure reason) {
            lostReason = reason;
            deferred.callback(null);
        }

        @Override
        public void stopFactory() {
            stopped = 1;
        }
    }

    /** An AccumulatingProtocol firing its factory's protocolConnectionMade. */
    static final class MyAccumulatingProtocol extends AccumulatingProtocol {
        private final Object owner;
        /** If set, receives the data instead of the accumulator (Twisted tests replace dataReceived). */
        java.util.function.Consumer<byte[]> onData;

        MyAccumulatingProtocol(Object owner) {
            this.owner = owner;
        }

        @Override
        public void connectionMade() {
            super.connectionMade();
            Deferred<AccumulatingProtocol> d = null;
            if (owner instanceof MyServerFactory f) {
                d = f.protocolConnectionMade;
                f.protocolConnectionMade = null;
            } else if (owner instanceof MyClientFactory f) {
                d = f.protocolConnectionMade;
                f.protocolConnectionMade = null;
            }
            if (d != null) {
                d.callback(this);
            }
        }

        @Override
        public void dataReceived(byte[] data) {
            if (onData != null) {
                onData.accept(data);
            } else {
                super.dataReceived(data);
            }
        }

        @Override
        public String logPrefix() {
            return "AccumulatingProtocol";
        }
    }

    /** A client factory that checks it is started once and stopped once. */
    static class ClientStartStopFactory extends MyClientFactory {
        int started;
        final Deferred<Boolean> whenStopped = new Deferred<>();

        @Override
        public void startFactory() {
            if (started != 0 || stopped != 0) {
                throw new IllegalStateException("started twice");
            }
            started = 1;
        }

        @Override
        public void stopFactory() {
            if (started == 0 || stopped != 0) {
                throw new IllegalStateException("stopped before started or twice");
            }
            stopped = 1;
            whenStopped.callback(true);
        }
    }
}
