package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.defer.Defer;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ClientFactory;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_tcp.LargeBufferTests}: buffering large amounts of
 * data works. {@code FireOnCloseFactory} is {@link WriteDataTests.WiredFactory}'s onDisconnect.
 */
class LargeBufferTests extends ReactorBuilder {
    static final int DATALEN = 60 * 1024 * 1024;

    /** The writer's factory, with Twisted's {@code done}, {@code problem} and {@code len}. */
    static final class WriterFactory extends Factory {
        int done;
        int problem;
        int len;
    }

    /** Client factory counting the bytes read: LargeBufferReaderClientFactory. */
    static final class LargeBufferReaderClientFactory extends ClientFactory {
        int done;
        long len;

        @Override
        public Protocol buildProtocol(IAddress addr) {
            Protocol p = new Protocol() {
                @Override
                public void dataReceived(byte[] data) {
                    len += data.length;
                }

                @Override
                public void connectionLost(Failure reason) {
                    done = 1;
                }
            };
            p.factory = this;
            return p;
        }
    }

    /** Writes one massive string, immediately followed by another write (issue #9446). */
    @Test
    public void testWriter() {
        SelectReactor reactor = buildReactor();
        IListeningPort[] p = {null};
        WriterFactory f = new WriterFactory();
        LargeBufferReaderClientFactory clientF = new LargeBufferReaderClientFactory();
        runDeferredTest(reactor, () -> {
            f.protocol = () -> new Protocol() {
                @Override
                public void connectionMade() {
                    byte[] big = new byte[f.len - 1];
                    Arrays.fill(big, (byte) 'X');
                    transport.write(big);
                    reactor.callLater(0.001, () -> {
                        transport.write(new byte[] {'X'});
                        f.done = 1;
                        transport.loseConnection();
                    });
                }
            };
            f.len = DATALEN;
            WriteDataTests.WiredFactory wrappedF = new WriteDataTests.WiredFactory(f);
            p[0] = reactor.listenTCP(0, wrappedF, 50, "127.0.0.1");
            int n = portOf(p[0].getHost());
            WriteDataTests.WiredFactory wrappedClientF = new WriteDataTests.WiredFactory(clientF);
            reactor.connectTCP("127.0.0.1", n, wrappedClientF);
            return Defer.gatherResults(List.of(wrappedF.onDisconnect, wrappedClientF.onDisconnect))
                    .addCallback(ignored -> {
                        assertTrue(f.done == 1, "writer didn't finish, it probably died");
                        assertTrue(clientF.len >= DATALEN, "client didn't receive all the data it expected ("
                                + clientF.len + " != " + DATALEN + ")");
                        assertTrue(clientF.len <= DATALEN, "client did receive more data than it expected ("
                                + clientF.len + " != " + DATALEN + ")");
                        assertTrue(clientF.done == 1, "client didn't see connection dropped");
                        return null;
                    });
        });
        p[0].stopListening();
    }
}
