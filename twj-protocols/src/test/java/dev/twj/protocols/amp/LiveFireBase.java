package dev.twj.protocols.amp;

import dev.twj.internet.Reactor;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.protocols.amp.AmpTLSSupport.LiveFireProto;
import dev.twj.trial.unittest.TestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of {@code LiveFireBase}: utility for connected reactor-using tests. {@code setUp} creates
 * an AMP server on the global reactor and connects a client to it; {@code tearDown} drops both
 * connections and checks the error they got at {@code connectionLost}.
 *
 * @param <C> the client protocol ({@code clientProto})
 * @param <S> the server protocol ({@code serverProto})
 */
abstract class LiveFireBase<C extends AMP & LiveFireProto, S extends AMP & LiveFireProto> extends TestCase {
    /** The client protocol, once connected. */
    C cli;
    /** The server protocol, once connected. */
    S svr;
    private C clientTheProto;
    private S serverTheProto;

    /** Twisted's {@code clientProto} class attribute. */
    abstract C clientProto();

    /** Twisted's {@code serverProto} class attribute. */
    abstract S serverProto();

    /** Creates an amp server and connects a client to it. */
    Deferred<Void> setUp() {
        IReactorTCP reactor = Reactor.reactor();
        Deferred<Void> clientOnMade = new Deferred<>();
        Deferred<Void> serverOnMade = new Deferred<>();
        ServerFactory serverFactory = ServerFactory.forProtocol(() -> {
            S p = serverProto();
            serverTheProto = p;
            p.made().chainDeferred(serverOnMade);
            return p;
        });
        ClientFactory clientFactory = ClientFactory.forProtocol(() -> {
            C p = clientProto();
            clientTheProto = p;
            p.made().chainDeferred(clientOnMade);
            return p;
        });
        IListeningPort serverPort = reactor.listenTCP(0, serverFactory, 50, "127.0.0.1");
        addCleanup(() -> serverPort.stopListening());
        IConnector clientConn = reactor.connectTCP(
                "127.0.0.1", ((IPv4Address) serverPort.getHost()).port(), clientFactory);
        addCleanup(() -> clientConn.disconnect());
        return Defer.gatherResults(List.of(clientOnMade, serverOnMade)).addCallback(rlst -> {
            cli = clientTheProto;
            svr = serverTheProto;
            return null;
        });
    }

    /** Cleans up client and server connections, and checks the error got at connectionLost. */
    Deferred<List<Void>> tearDown() {
        List<Deferred<Void>> l = new ArrayList<>();
        for (AMP conn : List.<AMP>of(cli, svr)) {
            if (conn.transport != null) {
                // depend on amp's function connection-dropping behavior
                Deferred<Void> d = ((LiveFireProto) conn).lost().addCallback(err -> {
                    // be specific, pass on the error to the client.
                    err.get(0).trap(ConnectionLost.class, ConnectionDone.class);
                    return null;
                });
                conn.transport.loseConnection();
                l.add(d);
            }
        }
        return Defer.gatherResults(l);
    }
}
