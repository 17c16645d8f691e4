package dev.twj.internet.udp;

import static dev.twj.internet.udp.Harness.runUntil;

import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.logger.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Port of {@code twisted.test.test_udp.ReactorShutdownInteractionTests}: reactor shutdown interaction. */
@Timeout(60)
class ReactorShutdownInteractionTests {
    private final SelectReactor reactor = new SelectReactor();
    private UDPTests.Server server;
    private IListeningPort port;
    private CapturedLogs logs;

    /** Start a UDP port. */
    @BeforeEach
    void setUp() {
        logs = CapturedLogs.capture();
        server = new UDPTests.Server();
        port = reactor.listenUDP(0, server, "127.0.0.1", UDPTests.MAX_PACKET_SIZE);
    }

    /** Stop the UDP port. */
    @AfterEach
    void tearDown() {
        runUntil(reactor, port.stopListening());
        logs.close();
    }

    /** Test reactor shutdown while in a recvfrom() loop. */
    @Test
    public void testShutdownFromDatagramReceived() {
        // udp.Port's doRead calls receive() in a loop, as an optimization. It is important this
        // loop terminate if datagramReceived synchronously tears the port down.
        Deferred<Void> finished = new Deferred<>();
        Deferred<Void> pr = server.packetReceived = new Deferred<>();
        pr.addCallback(ignored -> {
            // Simulate reactor.stop() behavior :(
            ((Port) server.transport).connectionLost(null);
            // Then delay this Deferred chain until the protocol has been disconnected.
            reactor.callLater(0, () -> finished.callback(null));
            return null;
        });
        // As long as the reactor doesn't hang, this test is satisfied; errors logged by the
        // whitebox teardown are captured and ignored, as Twisted's flushLoggedErrors.
        server.transport.write(new byte[64], new IPv4Address("UDP", "127.0.0.1",
                ((IPv4Address) server.transport.getHost()).port()));
        runUntil(reactor, finished);
    }
}
