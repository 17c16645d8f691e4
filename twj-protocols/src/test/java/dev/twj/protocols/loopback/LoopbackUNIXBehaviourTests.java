package dev.twj.protocols.loopback;

import static dev.twj.protocols.loopback.LoopbackTestSupport.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Java-only tests of {@link Loopback#loopbackUNIX}: where the socket lives, and its clean-up. */
@Timeout(60)
class LoopbackUNIXBehaviourTests {
    private final SelectReactor reactor = new SelectReactor();

    /**
     * Records the path of the server's socket and whether its file exists when connected, the
     * bytes received, and hangs up after the first.
     */
    static final class Recorder extends Protocol {
        final List<Path> sockets = new ArrayList<>();
        final List<Boolean> existed = new ArrayList<>();
        final StringBuilder received = new StringBuilder();

        @Override
        public void connectionMade() {
            IAddress host = transport.getHost();
            if (host instanceof UNIXAddress a) {
                Path p = Path.of(a.name());
                sockets.add(p);
                existed.add(Files.exists(p));
            }
        }

        @Override
        public void dataReceived(byte[] data) {
            received.append(LoopbackTestSupport.s(data));
            transport.loseConnection();
        }
    }

    /** The server listens on a socket file in a temporary directory; both are gone afterwards. */
    @Test
    void socketLivesInTemporaryDirectoryAndIsDeletedAfterwards() {
        Recorder server = new Recorder();
        Protocol client = new Protocol() {
            @Override
            public void connectionMade() {
                transport.write(b("hello"));
            }
        };
        Deferred<Void> d = Loopback.loopbackUNIX(reactor, server, client, false);
        boolean[] fired = {false};
        d.addBoth(r -> {
            fired[0] = true;
            reactor.stop();
            return null;
        });
        reactor.callLater(20, reactor::stop);
        reactor.run(false);
        assertTrue(fired[0], "the loopback's Deferred fired");
        assertEquals("hello", server.received.toString());
        assertEquals(1, server.sockets.size(), "the server's host is a UNIXAddress: " + server.sockets);
        Path socket = server.sockets.get(0);
        assertEquals(List.of(true), server.existed, "the socket file existed while connected: " + socket);
        assertTrue(socket.getParent().getFileName().toString().startsWith("twj-loopback"), socket.toString());
        assertFalse(Files.exists(socket), "socket file deleted: " + socket);
        assertFalse(Files.exists(socket.getParent()), "directory deleted: " + socket.getParent());
    }
}
