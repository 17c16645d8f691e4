package dev.twj.internet.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.error.ConnectionAborted;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.ITCPTransport;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.python.failure.Failure;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.internet.test.test_tcp.AbortConnectionMixin} (as
 * {@code AbortConnectionTests}, on SelectReactor): {@code abortConnection} in many situations.
 */
class AbortConnectionTests extends ReactorBuilder {
    static ITCPTransport tcp(ConnectableProtocol p) {
        return (ITCPTransport) p.transport;
    }

    /** Abort the connection twice. */
    static class ServerAbortsTwice extends ConnectableProtocol {
        @Override
        public void dataReceived(byte[] data) {
            tcp(this).abortConnection();
            tcp(this).abortConnection();
        }
    }

    /** Abort the connection, then lose it. */
    static class ServerAbortsThenLoses extends ConnectableProtocol {
        @Override
        public void dataReceived(byte[] data) {
            tcp(this).abortConnection();
            transport.loseConnection();
        }
    }

    /** Protocol that writes data upon connection. */
    static class AbortServerWritingProtocol extends ConnectableProtocol {
        @Override
        public void connectionMade() {
            transport.write("ready".getBytes());
        }
    }

    /** Server that should never receive any data, except 'X's which are written by the other side. */
    static class ReadAbortServerProtocol extends AbortServerWritingProtocol {
        @Override
        public void dataReceived(byte[] data) {
            for (byte b : data) {
                if (b != 'X') {
                    throw new IllegalStateException("Unexpectedly received data.");
                }
            }
        }
    }

    /** Stop reading immediately on connection. */
    static class NoReadServer extends ConnectableProtocol {
        @Override
        public void connectionMade() {
            ((FileDescriptor) transport).stopReading();
        }
    }

    /** Stop reading after the first data, letting the other side's write buffer fill up. */
    static class EventualNoReadServer extends ConnectableProtocol implements IPushProducer {
        boolean gotData;
        boolean stoppedReading;

        @Override
        public void dataReceived(byte[] data) {
            if (!gotData) {
                gotData = true;
                ((FileDescriptor) transport).registerProducer(this, false);
                transport.write("hello".getBytes());
            }
        }

        @Override
        public void resumeProducing() {
            if (stoppedReading) {
                return;
            }
            stoppedReading = true;
            // We've written out the data:
            ((FileDescriptor) transport).stopReading();
        }

        @Override
        public void pauseProducing() {}

        @Override
        public void stopProducing() {}
    }

    /** Base class for abort-testing clients. */
    static class BaseAbortingClient extends ConnectableProtocol {
        boolean inReactorMethod;

        @Override
        public void connectionLost(Failure reason) {
            if (inReactorMethod) {
                throw new IllegalStateException("BUG: connectionLost was called re-entrantly!");
            }
            super.connectionLost(reason);
        }
    }

    /** Write data, but don't abort. */
    static class WritingButNotAbortingClient extends BaseAbortingClient {
        @Override
        public void connectionMade() {
            transport.write("hello".getBytes());
        }
    }

    /** Call abortConnection() after writing some data. */
    static class AbortingClient extends BaseAbortingClient {
        @Override
        public void dataReceived(byte[] data) {
            inReactorMethod = true;
            writeAndAbort();
            inReactorMethod = false;
        }

        void writeAndAbort() {
            byte[] x = new byte[10000];
            Arrays.fill(x, (byte) 'X');
            transport.write(x);
            tcp(this).abortConnection();
            byte[] y = new byte[10000];
            Arrays.fill(y, (byte) 'Y');
            transport.write(y);
        }
    }

    /** Call abortConnection() twice. */
    static class AbortingTwiceClient extends AbortingClient {
        @Override
        void writeAndAbort() {
            super.writeAndAbort();
            tcp(this).abortConnection();
        }
    }

    /** Call abortConnection() followed by loseConnection(). */
    static class AbortingThenLosingClient extends AbortingClient {
        @Override
        void writeAndAbort() {
            super.writeAndAbort();
            transport.loseConnection();
        }
    }

    /** Call abortConnection from doWrite, via resumeProducing. */
    static class ProducerAbortingClient extends ConnectableProtocol implements IPushProducer {
        boolean inReactorMethod = true;
        boolean producerStopped;
        boolean inRegisterProducer;

        void write() {
            byte[] data = new byte[6 * 127000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) "lalala".charAt(i % 6);
            }
            transport.write(data);
            inRegisterProducer = true;
            ((FileDescriptor) transport).registerProducer(this, false);
            inRegisterProducer = false;
        }

        @Override
        public void connectionMade() {
            write();
        }

        @Override
        public void resumeProducing() {
            inReactorMethod = true;
            if (!inRegisterProducer) {
                tcp(this).abortConnection();
            }
            inReactorMethod = false;
        }

        @Override
        public void pauseProducing() {}

        @Override
        public void stopProducing() {
            producerStopped = true;
        }

        @Override
        public void connectionLost(Failure reason) {
            if (!producerStopped) {
                throw new IllegalStateException("BUG: stopProducing() was never called.");
            }
            if (inReactorMethod) {
                throw new IllegalStateException("BUG: connectionLost called re-entrantly!");
            }
            super.connectionLost(reason);
        }
    }

    /** Call abortConnection() when the write buffer fills up. */
    static class StreamingProducerClient extends ConnectableProtocol implements IPushProducer {
        boolean paused;
        boolean inReactorMethod;

        @Override
        public void connectionMade() {
            write();
        }

        void write() {
            ((FileDescriptor) transport).registerProducer(this, true);
            byte[] data = new byte[320000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) ('0' + (i + 1) % 10);
            }
            for (int i = 0; i < 100; i++) {
                transport.write(data);
            }
        }

        @Override
        public void resumeProducing() {
            paused = false;
        }

        @Override
        public void stopProducing() {}

        @Override
        public void pauseProducing() {
            if (paused) {
                return;
            }
            paused = true;
            reactor.callLater(0.01, this::doAbort);
        }

        void doAbort() {
            if (!paused) {
                throw new IllegalStateException("BUG: We should be paused a this point.");
            }
            inReactorMethod = true;
            tcp(this).abortConnection();
            inReactorMethod = false;
        }

        @Override
        public void connectionLost(Failure reason) {
            // Tell server to start reading again so it knows to go away.
            ((FileDescriptor) otherProtocol.transport).startReading();
            super.connectionLost(reason);
        }
    }

    /** Like StreamingProducerClient, but triggers after connectionMade. */
    static class StreamingProducerClientLater extends StreamingProducerClient {
        boolean gotData;

        @Override
        public void connectionMade() {
            transport.write("hello".getBytes());
        }

        @Override
        public void dataReceived(byte[] data) {
            if (!gotData) {
                gotData = true;
                write();
            }
        }
    }

    /** Write a large amount to the transport, then wait for a reply before abortConnection. */
    static class ProducerAbortingClientLater extends ProducerAbortingClient {
        @Override
        public void connectionMade() {
            // Override base class write()
        }

        @Override
        public void dataReceived(byte[] data) {
            write();
        }
    }

    /** Call abortConnection(), and then throw an exception, from dataReceived. */
    static class DataReceivedRaisingClient extends AbortingClient {
        @Override
        public void dataReceived(byte[] data) {
            tcp(this).abortConnection();
            throw new ArithmeticException("ONO");
        }
    }

    /** Call abortConnection() and throw exception from resumeProducing(). */
    static class ResumeThrowsClient extends ProducerAbortingClient {
        @Override
        public void resumeProducing() {
            if (!inRegisterProducer) {
                tcp(this).abortConnection();
                throw new ArithmeticException("ono!");
            }
        }

        @Override
        public void connectionLost(Failure reason) {
            // Base class assertion about stopProducing being called isn't valid;
            // if the we blew up in resumeProducing, consumers are justified in
            // giving up on the producer and not calling stopProducing.
            disconnectReason = reason;
            done.callback(null);
        }
    }

    /**
     * A test runner utility function, which hooks up a matched pair of client and server
     * protocols. The client should abort, and the reasons are checked.
     */
    void runAbortTest(ConnectableProtocol client, ConnectableProtocol server, Class<?> clientConnectionLostReason) {
        List<Class<?>> clientExpectedExceptions = List.of(ConnectionAborted.class, ConnectionLost.class);
        List<Class<?>> serverExpectedExceptions = List.of(ConnectionLost.class, ConnectionDone.class);
        client.otherProtocol = server;
        server.otherProtocol = client;
        SelectReactor reactor = runProtocolsWithReactor(server, client);
        // If the reactor is left with any descriptors or delayed calls, the test fails:
        assertEquals(List.of(), reactor.removeAll());
        assertEquals(List.of(), reactor.getDelayedCalls());
        Throwable clientReason = client.disconnectReason.value();
        boolean ok = clientExpectedExceptions.stream().anyMatch(c -> c.isInstance(clientReason))
                || (clientConnectionLostReason != null && clientConnectionLostReason.isInstance(clientReason));
        assertTrue(ok, "client lost with " + clientReason);
        Throwable serverReason = server.disconnectReason.value();
        assertTrue(serverExpectedExceptions.stream().anyMatch(c -> c.isInstance(serverReason)),
                "server lost with " + serverReason);
    }

    void runAbortTest(ConnectableProtocol client, ConnectableProtocol server) {
        runAbortTest(client, server, null);
    }

    /** abortConnection() is called in dataReceived. The protocol should be disconnected, but connectionLost should not be called re-entrantly. */
    @Test
    public void test_dataReceivedAbort() {
        runAbortTest(new AbortingClient(), new ReadAbortServerProtocol());
    }

    /** abortConnection() is called twice by client. No exception should be thrown, and the connection will be closed. */
    @Test
    public void test_clientAbortsConnectionTwice() {
        runAbortTest(new AbortingTwiceClient(), new ReadAbortServerProtocol());
    }

    /** Client calls abortConnection(), followed by loseConnection(). No exception should be thrown. */
    @Test
    public void test_clientAbortsConnectionThenLosesConnection() {
        runAbortTest(new AbortingThenLosingClient(), new ReadAbortServerProtocol());
    }

    /** abortConnection() is called twice by server. No exception should be thrown. */
    @Test
    public void test_serverAbortsConnectionTwice() {
        runAbortTest(new WritingButNotAbortingClient(), new ServerAbortsTwice(), ConnectionLost.class);
    }

    /** Server calls abortConnection(), followed by loseConnection(). No exception should be thrown. */
    @Test
    public void test_serverAbortsConnectionThenLosesConnection() {
        runAbortTest(new WritingButNotAbortingClient(), new ServerAbortsThenLoses(), ConnectionLost.class);
    }

    /** abortConnection() is called in resumeProducing, before any bytes have been exchanged. */
    @Test
    public void test_resumeProducingAbort() {
        runAbortTest(new ProducerAbortingClient(), new ConnectableProtocol());
    }

    /** abortConnection() is called in resumeProducing, after some bytes have been exchanged. */
    @Test
    public void test_resumeProducingAbortLater() {
        runAbortTest(new ProducerAbortingClientLater(), new AbortServerWritingProtocol());
    }

    /** abortConnection() triggered by the write buffer being full. */
    @Test
    public void test_fullWriteBuffer() {
        runAbortTest(new StreamingProducerClient(), new NoReadServer());
    }

    /** abortConnection() triggered by the write buffer being full, after some bytes were exchanged. */
    @Test
    public void test_fullWriteBufferAfterByteExchange() {
        runAbortTest(new StreamingProducerClientLater(), new EventualNoReadServer());
    }

    /**
     * dataReceived calls abortConnection(), and then raises an exception. The connection will be
     * lost, with the thrown exception (ArithmeticException for Python's ZeroDivisionError) as the
     * reason on the client. The idea here is that bugs should not be masked by abortConnection,
     * in particular unexpected exceptions.
     */
    @Test
    public void test_dataReceivedThrows() {
        runAbortTest(new DataReceivedRaisingClient(), new AbortServerWritingProtocol(), ArithmeticException.class);
        List<Failure> errors = flushLoggedErrors(ArithmeticException.class);
        assertEquals(1, errors.size());
    }

    /** resumeProducing calls abortConnection(), and then raises an exception. */
    @Test
    public void test_resumeProducingThrows() {
        runAbortTest(new ResumeThrowsClient(), new ConnectableProtocol(), ArithmeticException.class);
        List<Failure> errors = flushLoggedErrors(ArithmeticException.class);
        assertEquals(1, errors.size());
    }
}
