package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.error.ConnectBindError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.testing.AccumulatingProtocol;
import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port of Twisted's {@code twisted.test.test_tcp.CannotBindTests}: failures to bind ports. */
class CannotBindTests extends ReactorBuilder {
    /** An error is raised when trying to bind to an already occupied port. */
    @Test
    public void test_cannotBind() {
        SelectReactor reactor = buildReactor();
        Factories.MyServerFactory f = new Factories.MyServerFactory();
        IListeningPort p1 = reactor.listenTCP(0, f, 50, "127.0.0.1");
        int n = portOf(p1.getHost());
        IAddress dest = p1.getHost();
        assertEquals(new IPv4Address("TCP", "127.0.0.1", n), dest);
        assertThrows(CannotListenError.class, () -> reactor.listenTCP(n, f, 50, "127.0.0.1"));
    }

    /**
     * connectTCP honors the bindAddress parameter: a client bound to a port in use fails with
     * ConnectBindError and its factory is stopped, while the first client, bound to a free port,
     * connects, and its factory is stopped once its connection is lost.
     */
    @Test
    public void test_clientBind() {
        SelectReactor reactor = buildReactor();
        Factories.MyServerFactory sf = new Factories.MyServerFactory();
        IListeningPort p = reactor.listenTCP(0, sf, 50, "127.0.0.1");
        List<String> events = new ArrayList<>();
        Factories.MyClientFactory[] cf2 = {null};
        Factories.MyClientFactory cf1 = new Factories.MyClientFactory() {
            @Override
            public Protocol buildProtocol(IAddress addr) {
                AccumulatingProtocol proto = (AccumulatingProtocol) super.buildProtocol(addr);
                return new AccumulatingProtocol() {
                    {
                        factory = proto.factory;
                    }

                    @Override
                    public void connectionMade() {
                        super.connectionMade();
                        lastProtocol = this;
                        // _check1connect2
                        assertTrue(made);
                        int port = portOf(transport.getHost());
                        cf2[0] = new Factories.MyClientFactory() {
                            @Override
                            public void clientConnectionFailed(IConnector connector, Failure reason) {
                                super.clientConnectionFailed(connector, reason);
                                events.add("cf2 failed");
                            }

                            @Override
                            public void stopFactory() {
                                super.stopFactory();
                                events.add("cf2 stopped");
                                // _stop
                                transport.loseConnection();
                            }
                        };
                        reactor.connectTCP("127.0.0.1", portOf(p.getHost()), cf2[0], 30,
                                new IPv4Address("TCP", "127.0.0.1", port));
                    }
                };
            }

            @Override
            public void stopFactory() {
                super.stopFactory();
                events.add("cf1 stopped");
                reactor.stop();
            }
        };
        reactor.callWhenRunning(() -> reactor.connectTCP("127.0.0.1", portOf(p.getHost()), cf1, 30,
                new IPv4Address("TCP", "127.0.0.1", 0)));
        runReactor(reactor);
        assertEquals(1, cf2[0].failed);
        cf2[0].reason.trap(ConnectBindError.class);
        assertEquals(1, cf2[0].stopped);
        assertEquals(1, cf1.stopped);
        assertEquals(List.of("cf2 failed", "cf2 stopped", "cf1 stopped"), events);
    }
}
