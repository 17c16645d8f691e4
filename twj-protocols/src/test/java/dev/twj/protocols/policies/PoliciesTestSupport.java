package dev.twj.protocols.policies;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.protocol.ServerFactory;
import dev.twj.internet.task.Clock;
import dev.twj.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The fixtures of test_policies.py shared by its test classes. */
final class PoliciesTestSupport {
    private PoliciesTestSupport() {}

    /** Python's {@code b"..."}. */
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes as a string, for assertEquals. */
    static String s(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    /** Twisted's {@code SimpleProtocol}: records connection, disconnection and data. */
    static class SimpleProtocol extends Protocol {
        boolean disconnected;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final Deferred<String> dConnected = new Deferred<>();
        final Deferred<String> dDisconnected = new Deferred<>();

        @Override
        public void connectionMade() {
            connected = true;
            dConnected.callback("");
        }

        @Override
        public void connectionLost(Failure reason) {
            disconnected = true;
            dDisconnected.callback("");
        }

        @Override
        public void dataReceived(byte[] data) {
            buffer.writeBytes(data);
        }
    }

    /** Twisted's {@code EchoProtocol}: echoes, and is a push producer that notes pauses. */
    static class EchoProtocol extends Protocol implements IPushProducer {
        boolean paused;

        @Override
        public void pauseProducing() {
            paused = true;
        }

        @Override
        public void resumeProducing() {
            paused = false;
        }

        @Override
        public void stopProducing() {}

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /** A simple server factory using {@link EchoProtocol}: Twisted's {@code Server}. */
    static class Server extends ServerFactory {
        Server() {
            protocol = EchoProtocol::new;
        }
    }

    /** {@link ThrottlingFactory} using a {@link Clock} for tests. */
    static class TestableThrottlingFactory extends ThrottlingFactory {
        TestableThrottlingFactory(
                Clock clock, IProtocolFactory wrappedFactory, int maxConnectionCount, Long readLimit,
                Long writeLimit) {
            super(wrappedFactory, maxConnectionCount, readLimit, writeLimit);
            this.clock = clock;
        }

        Clock clock() {
            return (Clock) clock;
        }

        /** Forward to the testable clock. */
        @Override
        public IDelayedCall callLater(double period, Runnable func) {
            return clock.callLater(period, func);
        }
    }

    /** {@link TimeoutFactory} using a {@link Clock} for tests. */
    static class TestableTimeoutFactory extends TimeoutFactory {
        TestableTimeoutFactory(Clock clock, IProtocolFactory wrappedFactory, Double timeoutPeriod) {
            super(wrappedFactory, timeoutPeriod);
            this.clock = clock;
        }

        /** Forward to the testable clock. */
        @Override
        public IDelayedCall callLater(double period, Runnable func) {
            return clock.callLater(period, func);
        }
    }
}
