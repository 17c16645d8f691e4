package dev.twj.internet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.task.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link IOPump}. Port of {@code twisted.test.test_iosim.IOPumpTests}. */
class IOPumpTests {
    /**
     * Connect a couple protocol/transport pairs to an IOPump and then pump it. Verify that a
     * streaming producer registered with one of the transports does not receive invalid
     * IPushProducer method calls and ends in the right state.
     *
     * @param mode "server" to test a producer registered with the server transport, "client" to
     *     test a producer registered with the client transport
     */
    private void testStreamingProducer(String mode) {
        Protocol serverProto = new Protocol();
        FakeTransport serverTransport = new FakeTransport(serverProto, true);

        Protocol clientProto = new Protocol();
        FakeTransport clientTransport = new FakeTransport(clientProto, false);

        IOPump pump = IOSim.connect(serverProto, serverTransport, clientProto, clientTransport, false, false);

        StrictPushProducer producer = new StrictPushProducer();
        FakeTransport victim = switch (mode) {
            case "server" -> serverTransport;
            case "client" -> clientTransport;
            default -> throw new IllegalArgumentException(mode);
        };
        victim.registerProducer(producer, true);

        pump.pump();
        assertEquals("running", producer.state);
    }

    /**
     * IOPump.pump does not call resumeProducing on an IPushProducer (stream producer) registered
     * with the server transport.
     */
    @Test
    public void test_serverStreamingProducer() {
        testStreamingProducer("server");
    }

    /**
     * IOPump.pump does not call resumeProducing on an IPushProducer (stream producer) registered
     * with the client transport.
     */
    @Test
    public void test_clientStreamingProducer() {
        testStreamingProducer("client");
    }

    /** IOPump.pump advances time in the given Clock. */
    @Test
    public void test_timeAdvances() {
        List<Boolean> timePassed = new ArrayList<>();
        Clock clock = new Clock();
        IOPump pump = IOSim.connectedServerAndClient(Protocol::new, Protocol::new, clock).pump();
        clock.callLater(0, () -> timePassed.add(true));
        assertFalse(!timePassed.isEmpty());
        pump.pump();
        assertTrue(!timePassed.isEmpty());
    }
}
