package dev.twj.internet.unix;

import static dev.twj.internet.unix.Harness.mktemp;
import static dev.twj.internet.unix.Harness.runUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.logger.CapturedLogs;
import dev.twj.logger.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.internet.test.test_unix.UNIXPortTestsBuilder}: {@code ListenUNIXMixin},
 * {@code UNIXPortTestsMixin} and {@code StreamTransportTestsMixin}, on SelectReactor.
 *
 * <p>Not ported: {@code test_closePeerOnEMFILE} (it asserts that the peer is closed on EMFILE,
 * which Twisted does with a reserved descriptor; Java cannot close a descriptor it does not own,
 * so a twj port pauses its accepts instead, as {@code TCPBehaviourTests} shows for UNIX ports too). {@code UNIXFDPortTestsBuilder} and
 * {@code UNIXAdoptStreamConnectionTestsBuilder} need {@code IReactorSocket.adoptStreamPort} /
 * {@code adoptStreamConnection}, which twj does not have.
 */
@Timeout(60)
class UNIXPortTestsBuilderTests {
    private CapturedLogs logs;

    @BeforeEach
    void setUp() {
        logs = CapturedLogs.capture();
    }

    @AfterEach
    void tearDown() {
        logs.close();
    }

    private List<String> loggedMessages() {
        List<String> messages = new ArrayList<>();
        for (Map<String, Object> event : logs.events()) {
            messages.add(Format.formatEvent(event));
        }
        return messages;
    }

    private static IListeningPort getListeningPort(SelectReactor reactor, ServerFactory factory) throws IOException {
        return reactor.listenUNIX(mktemp(), factory, 50, 0666, false);
    }

    /**
     * When a port starts, a message including a description of the associated factory is logged.
     */
    @Test
    public void test_startedListeningLogMessage() throws IOException {
        SelectReactor reactor = new SelectReactor();
        ServerFactory factory = new ServerFactory() {
            @Override
            public String logPrefix() {
                return "Crazy Factory";
            }
        };
        int before = loggedMessages().size();
        IListeningPort p = getListeningPort(reactor, factory);
        String expectedMessage = "Crazy Factory starting on '" + ((UNIXAddress) p.getHost()).name() + "'";
        assertEquals(expectedMessage, loggedMessages().get(before));
        runUntil(reactor, p.stopListening());
    }

    /**
     * When a connection is lost a message is logged containing an address identifying the port
     * and the fact that it was closed.
     */
    @Test
    public void test_connectionLostLogMsg() throws IOException {
        SelectReactor reactor = new SelectReactor();
        IListeningPort p = getListeningPort(reactor, new ServerFactory());
        String expectedMessage = "(UNIX Port " + ((UNIXAddress) p.getHost()).name() + " Closed)";
        runUntil(reactor, p.stopListening());
        assertTrue(loggedMessages().contains(expectedMessage), loggedMessages().toString());
    }
}
