package dev.twj.protocols.policies;

import static dev.twj.protocols.policies.PoliciesTestSupport.b;
import static dev.twj.protocols.policies.PoliciesTestSupport.s;

import dev.twj.internet.Reactor;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.task.Clock;
import dev.twj.internet.testing.StringTransportWithDisconnection;
import dev.twj.protocols.policies.PoliciesTestSupport.EchoProtocol;
import dev.twj.protocols.policies.PoliciesTestSupport.Server;
import dev.twj.protocols.policies.PoliciesTestSupport.SimpleProtocol;
import dev.twj.protocols.policies.PoliciesTestSupport.TestableThrottlingFactory;
import dev.twj.trial.unittest.TestCase;
import java.util.Collections;
import java.util.List;

/**
 * Port of {@code twisted.test.test_policies.ThrottlingTests}: {@link ThrottlingFactory}.
 * {@code test_limit} runs on real TCP on the global reactor, which trial runs until the test's
 * Deferred fires.
 */
class ThrottlingTests extends TestCase {
    /**
     * Twisted's test {@code WrappingFactory}: returns the wrapped factory's protocol unwrapped and
     * fires {@link #deferred} when it starts.
     */
    static class StartNotifyingWrappingFactory extends WrappingFactory {
        final Deferred<Void> deferred = new Deferred<>();

        StartNotifyingWrappingFactory(IProtocolFactory wrappedFactory) {
            super(wrappedFactory);
        }

        @Override
        protected Protocol wrapProtocol(IProtocol p) {
            return (Protocol) p;
        }

        @Override
        public void startFactory() {
            super.startFactory();
            deferred.callback(null);
        }
    }

    /** Twisted's {@code SillyFactory}: a client factory whose every protocol is {@code p}. */
    static class SillyFactory extends ClientFactory {
        final Protocol p;

        SillyFactory(Protocol p) {
            this.p = p;
        }

        @Override
        public Protocol buildProtocol(IAddress addr) {
            return p;
        }
    }

    /**
     * Full test using a custom server limiting number of connections.
     *
     * <p>FIXME: https://twistedmatrix.com/trac/ticket/10012 This is a flaky test (in Twisted).
     */
    public Deferred<Object> test_limit() {
        SelectReactor reactor = Reactor.reactor();
        Server server = new Server();
        SimpleProtocol c1 = new SimpleProtocol();
        SimpleProtocol c2 = new SimpleProtocol();
        SimpleProtocol c3 = new SimpleProtocol();
        SimpleProtocol c4 = new SimpleProtocol();
        ThrottlingFactory tServer = new ThrottlingFactory(server, 2);
        StartNotifyingWrappingFactory wrapTServer = new StartNotifyingWrappingFactory(tServer);

        // Start listening
        IListeningPort p = reactor.listenTCP(0, wrapTServer, 50, "127.0.0.1");
        int n = ((IPv4Address) p.getHost()).port();

        Deferred<Object> d = wrapTServer.deferred.addCallbackDeferred(results -> {
            // _connect123
            reactor.connectTCP("127.0.0.1", n, new SillyFactory(c1));
            c1.dConnected.addCallback(r -> reactor.connectTCP("127.0.0.1", n, new SillyFactory(c2)));
            c2.dConnected.addCallback(r -> reactor.connectTCP("127.0.0.1", n, new SillyFactory(c3)));
            return c3.dDisconnected;
        }).addCallback(results -> {
            // _check123
            assertEqual(List.of(c1.connected, c2.connected, c3.connected), List.of(true, true, true));
            assertEqual(List.of(c1.disconnected, c2.disconnected, c3.disconnected), List.of(false, false, true));
            assertEqual(tServer.protocols.size(), 2);
            return results;
        }).addCallbackDeferred(results -> {
            // _lose1: disconnect one protocol and now another should be able to connect
            c1.transport.loseConnection();
            return c1.dDisconnected;
        }).addCallbackDeferred(results -> {
            // _connect4
            reactor.connectTCP("127.0.0.1", n, new SillyFactory(c4));
            return c4.dConnected;
        }).addCallback(results -> {
            // _check4
            assertTrue(c4.connected);
            assertFalse(c4.disconnected);
            return results;
        }).addCallbackDeferred(results -> {
            // _cleanup
            for (SimpleProtocol c : List.of(c2, c4)) {
                c.transport.loseConnection();
            }
            return Defer.<Object>gatherResults(List.of(
                    Defer.maybeDeferredDeferred(p::stopListening), c2.dDisconnected, c4.dDisconnected));
        }).addCallback(results -> (Object) results);

        return d;
    }

    /** {@link ThrottlingProtocol#writeSequence} is called on the underlying factory. */
    public void test_writeSequence() {
        Server server = new Server();
        TestableThrottlingFactory tServer =
                new TestableThrottlingFactory(new Clock(), server, Integer.MAX_VALUE, null, null);
        ThrottlingProtocol protocol =
                (ThrottlingProtocol) tServer.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 0));
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.protocol = protocol;
        protocol.makeConnection(transport);

        protocol.writeSequence(Collections.nCopies(4, b("bytes")));
        assertEqual(s(transport.value()), "bytesbytesbytesbytes");
        assertEqual(tServer.writtenThisSecond, 20L);
    }

    /** Check the writeLimit parameter: write data, and check for the pause status. */
    public void test_writeLimit() {
        Server server = new Server();
        TestableThrottlingFactory tServer =
                new TestableThrottlingFactory(new Clock(), server, Integer.MAX_VALUE, null, 10L);
        ThrottlingProtocol port =
                (ThrottlingProtocol) tServer.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 0));
        StringTransportWithDisconnection tr = new StringTransportWithDisconnection();
        tr.protocol = port;
        port.makeConnection(tr);
        port.producer = (EchoProtocol) port.wrappedProtocol;

        port.dataReceived(b("0123456789"));
        port.dataReceived(b("abcdefghij"));
        assertEqual(s(tr.value()), "0123456789abcdefghij");
        assertEqual(tServer.writtenThisSecond, 20L);
        assertFalse(((EchoProtocol) port.wrappedProtocol).paused);

        // at this point server should've written 20 bytes, 10 bytes above the limit so writing
        // should be paused around 1 second from 'now', and resumed a second after that
        tServer.clock().advance(1.05);
        assertEqual(tServer.writtenThisSecond, 0L);
        assertTrue(((EchoProtocol) port.wrappedProtocol).paused);

        tServer.clock().advance(1.05);
        assertEqual(tServer.writtenThisSecond, 0L);
        assertFalse(((EchoProtocol) port.wrappedProtocol).paused);
    }

    /** Check the readLimit parameter: read data and check for the pause status. */
    public void test_readLimit() {
        Server server = new Server();
        TestableThrottlingFactory tServer =
                new TestableThrottlingFactory(new Clock(), server, Integer.MAX_VALUE, 10L, null);
        ThrottlingProtocol port =
                (ThrottlingProtocol) tServer.buildProtocol(new IPv4Address("TCP", "127.0.0.1", 0));
        StringTransportWithDisconnection tr = new StringTransportWithDisconnection();
        tr.protocol = port;
        port.makeConnection(tr);

        port.dataReceived(b("0123456789"));
        port.dataReceived(b("abcdefghij"));
        assertEqual(s(tr.value()), "0123456789abcdefghij");
        assertEqual(tServer.readThisSecond, 20L);

        tServer.clock().advance(1.05);
        assertEqual(tServer.readThisSecond, 0L);
        assertEqual(tr.producerState, "paused");

        tServer.clock().advance(1.05);
        assertEqual(tServer.readThisSecond, 0L);
        assertEqual(tr.producerState, "producing");

        tr.clear();
        port.dataReceived(b("0123456789"));
        port.dataReceived(b("abcdefghij"));
        assertEqual(s(tr.value()), "0123456789abcdefghij");
        assertEqual(tServer.readThisSecond, 20L);

        tServer.clock().advance(1.05);
        assertEqual(tServer.readThisSecond, 0L);
        assertEqual(tr.producerState, "paused");

        tServer.clock().advance(1.05);
        assertEqual(tServer.readThisSecond, 0L);
        assertEqual(tr.producerState, "producing");
    }
}
