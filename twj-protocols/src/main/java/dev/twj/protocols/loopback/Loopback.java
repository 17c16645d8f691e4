package dev.twj.protocols.loopback;

import dev.twj.internet.Reactor;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProducer;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.interfaces.IReactorUNIX;
import dev.twj.internet.protocol.Factory;
import dev.twj.internet.protocol.Protocol;
import dev.twj.protocols.policies.ProtocolWrapper;
import dev.twj.protocols.policies.WrappingFactory;
import dev.twj.python.failure.Failure;
import dev.twj.internet.task.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Testing support for protocols: a loopback between client and server. Port of the functions of
 * {@code twisted.protocols.loopback}.
 *
 * <p>Difference from Twisted: {@link #loopbackTCP}, {@link #loopbackUNIX} and
 * {@link #loopbackAsync} take the reactor (clock) as an optional first argument; {@link #loopbackAsync} takes the clock
 * that schedules its pumping as an optional first argument; without it, it uses the global
 * reactor ({@link Reactor#reactor()}), as Twisted does. When a write buffer is emptied, the pump
 * polls the producer of the loopback transport it made for that side, where Twisted polls
 * {@code source.transport} (the same object unless the protocol replaced its transport).
 */
public final class Loopback {
    private Loopback() {}

    /**
     * A policy which delivers each chunk of data written to the given queue as-is to the target.
     * This isn't a particularly realistic policy.
     */
    public static void identityPumpPolicy(LoopbackQueue queue, IProtocol target) {
        while (!queue.isEmpty()) {
            byte[] bytes = queue.get();
            if (bytes == null) {
                break;
            }
            target.dataReceived(bytes);
        }
    }

    /**
     * A policy which collapses all outstanding chunks into a single string and delivers it to the
     * target.
     */
    public static void collapsingPumpPolicy(LoopbackQueue queue, IProtocol target) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean any = false;
        while (!queue.isEmpty()) {
            byte[] chunk = queue.get();
            if (chunk == null) {
                break;
            }
            bytes.writeBytes(chunk);
            any = true;
        }
        if (any) {
            target.dataReceived(bytes.toByteArray());
        }
    }

    /** {@link #loopbackAsync(IReactorTime, IProtocol, IProtocol, PumpPolicy)} on the global reactor. */
    public static Deferred<Void> loopbackAsync(IProtocol server, IProtocol client) {
        return loopbackAsync(null, server, client, Loopback::identityPumpPolicy);
    }

    /** {@link #loopbackAsync(IReactorTime, IProtocol, IProtocol, PumpPolicy)} on the global reactor. */
    public static Deferred<Void> loopbackAsync(IProtocol server, IProtocol client, PumpPolicy pumpPolicy) {
        return loopbackAsync(null, server, client, pumpPolicy);
    }

    /** {@link #loopbackAsync(IReactorTime, IProtocol, IProtocol, PumpPolicy)} with the identity policy. */
    public static Deferred<Void> loopbackAsync(IReactorTime clock, IProtocol server, IProtocol client) {
        return loopbackAsync(clock, server, client, Loopback::identityPumpPolicy);
    }

    /**
     * Establishes a connection between {@code server} and {@code client} then transfers data
     * between them until the connection is closed. This is often useful for testing a protocol.
     *
     * <p>When either {@code server} or {@code client} writes to its transport, the bytes are added
     * to a queue of data for the other protocol. Eventually, {@code pumpPolicy} is called with one
     * such queue and the corresponding protocol; it empties the queue and passes the bytes to the
     * protocol's {@code dataReceived}. When a pass delivers nothing, the next waits for new data
     * and then for a zero-delay call on {@code clock}, so that no protocol's {@code dataReceived}
     * runs while its peer's {@code write} is on the stack. When a write buffer is emptied, a
     * non-streaming (pull) producer registered on that side is resumed.
     *
     * @param clock schedules the pumping; null for the global reactor
     * @param server the protocol instance representing the server-side of this connection
     * @param client the protocol instance representing the client-side of this connection
     * @param pumpPolicy delivers queued bytes, e.g. {@link #identityPumpPolicy}
     * @return a Deferred which fires when the connection has been closed and both sides have
     *     received notification of this
     */
    public static Deferred<Void> loopbackAsync(
            IReactorTime clock, IProtocol server, IProtocol client, PumpPolicy pumpPolicy) {
        LoopbackQueue serverToClient = new LoopbackQueue();
        LoopbackQueue clientToServer = new LoopbackQueue();
        LoopbackTransport serverTransport = new LoopbackTransport(serverToClient);
        LoopbackTransport clientTransport = new LoopbackTransport(clientToServer);

        server.makeConnection(serverTransport);
        client.makeConnection(clientTransport);

        Pump pump = new Pump(clock, server, serverTransport, client, clientTransport, pumpPolicy);
        return pump.body();
    }

    /** A wrapper that fires {@link #deferred} once its connection is lost: Twisted's {@code _FireOnClose}. */
    static final class FireOnClose extends ProtocolWrapper {
        final Deferred<Void> deferred = new Deferred<>();

        FireOnClose(WrappingFactory factory, IProtocol protocol) {
            super(factory, protocol);
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            deferred.callback(null);
        }
    }

    /** {@link #loopbackTCP(IReactorTCP, IProtocol, Protocol, int, boolean)} on the global reactor, port 0, noisy. */
    public static Deferred<Void> loopbackTCP(IProtocol server, Protocol client) {
        return loopbackTCP(null, server, client, 0, true);
    }

    /** {@link #loopbackTCP(IReactorTCP, IProtocol, Protocol, int, boolean)} on the global reactor. */
    public static Deferred<Void> loopbackTCP(IProtocol server, Protocol client, int port, boolean noisy) {
        return loopbackTCP(null, server, client, port, noisy);
    }

    /**
     * Runs a session between {@code server} and {@code client} protocol instances over TCP: the
     * server listens on 127.0.0.1 ({@code port} 0 picks a free port), the client connects to it.
     *
     * @param reactor the reactor that listens and connects; null for the global reactor
     * @param noisy whether the factories log their start and stop
     * @return a Deferred which fires once both sides have lost the connection and the listening
     *     port has stopped
     */
    public static Deferred<Void> loopbackTCP(
            IReactorTCP reactor, IProtocol server, Protocol client, int port, boolean noisy) {
        IReactorTCP r = reactor != null ? reactor : Reactor.reactor();
        FireOnClose serverWrapper = serverWrapper(server, noisy);
        IListeningPort serverPort = r.listenTCP(port, serverWrapper.factory, 50, "127.0.0.1");
        LoopbackClientFactory clientF = new LoopbackClientFactory(client);
        clientF.noisy = noisy;
        r.connectTCP("127.0.0.1", ((IPv4Address) serverPort.getHost()).port(), clientF);
        return clientF.deferred
                .addCallbackDeferred(x -> serverWrapper.deferred)
                .addCallbackDeferred(x -> serverPort.stopListening());
    }

    /** {@link #loopbackUNIX(IReactorUNIX, IProtocol, Protocol, boolean)} on the global reactor, noisy. */
    public static Deferred<Void> loopbackUNIX(IProtocol server, Protocol client) {
        return loopbackUNIX(null, server, client, true);
    }

    /** {@link #loopbackUNIX(IReactorUNIX, IProtocol, Protocol, boolean)} on the global reactor. */
    public static Deferred<Void> loopbackUNIX(IProtocol server, Protocol client, boolean noisy) {
        return loopbackUNIX(null, server, client, noisy);
    }

    /**
     * Runs a session between {@code server} and {@code client} protocol instances over a UNIX
     * socket: the server listens on a new path in a fresh temporary directory, the client
     * connects to it.
     *
     * <p>Difference from Twisted, which takes {@code tempfile.mktemp()} as the path: the socket is
     * {@code sock} in a directory made by {@link Files#createTempDirectory} (no other process can
     * take the name first), and both are deleted once the listening port has stopped.
     *
     * @param reactor the reactor that listens and connects; null for the global reactor
     * @param noisy whether the factories log their start and stop
     * @return a Deferred which fires once both sides have lost the connection and the listening
     *     port has stopped
     * @throws UncheckedIOException if the temporary directory cannot be made
     */
    public static Deferred<Void> loopbackUNIX(
            IReactorUNIX reactor, IProtocol server, Protocol client, boolean noisy) {
        IReactorUNIX r = reactor != null ? reactor : Reactor.reactor();
        Path dir;
        try {
            dir = Files.createTempDirectory("twj-loopback");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path path = dir.resolve("sock");
        FireOnClose serverWrapper = serverWrapper(server, noisy);
        IListeningPort serverPort;
        try {
            serverPort = r.listenUNIX(path.toString(), serverWrapper.factory, 50, 0666, false);
        } catch (RuntimeException e) {
            deleteQuietly(path, dir);
            throw e;
        }
        LoopbackClientFactory clientF = new LoopbackClientFactory(client);
        clientF.noisy = noisy;
        r.connectUNIX(path.toString(), clientF, 30, false);
        return clientF.deferred
                .addCallbackDeferred(x -> serverWrapper.deferred)
                .addCallbackDeferred(x -> serverPort.stopListening())
                .addBoth(result -> {
                    deleteQuietly(path, dir);
                    if (result instanceof Failure failure) {
                        throw failure.raiseException();
                    }
                    return null;
                });
    }

    /**
     * Wraps {@code server} in a {@link FireOnClose} whose factory builds that one wrapper for the
     * one connection the loopback makes (Twisted's {@code loopbackTCP} and {@code loopbackUNIX}
     * both set {@code f.buildProtocol = lambda addr: serverWrapper}).
     */
    private static FireOnClose serverWrapper(IProtocol server, boolean noisy) {
        FireOnClose[] serverWrapper = {null};
        WrappingFactory f = new WrappingFactory(new Factory()) {
            @Override
            public Protocol buildProtocol(IAddress addr) {
                return serverWrapper[0];
            }
        };
        f.noisy = noisy;
        serverWrapper[0] = new FireOnClose(f, server);
        return serverWrapper[0];
    }

    /** Deletes the socket file and its directory, if they are still there. */
    private static void deleteQuietly(Path path, Path dir) {
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary file left behind is no reason to fail the loopback.
        }
    }

    /** Resumes a pull or push producer. */
    static void resume(IProducer producer) {
        if (producer instanceof IPullProducer pull) {
            pull.resumeProducing();
        } else if (producer instanceof IPushProducer push) {
            push.resumeProducing();
        } else {
            throw new IllegalArgumentException("producer is neither IPullProducer nor IPushProducer: " + producer);
        }
    }

    /** Twisted's {@code _loopbackAsyncBody} and {@code _loopbackAsyncContinue}. */
    private record Pump(
            IReactorTime clock,
            IProtocol server,
            LoopbackTransport serverTransport,
            IProtocol client,
            LoopbackTransport clientTransport,
            PumpPolicy pumpPolicy) {

        private boolean pump(LoopbackTransport source, IProtocol target) {
            LoopbackQueue q = source.q;
            boolean sent = false;
            if (!q.isEmpty()) {
                pumpPolicy.pump(q, target);
                sent = true;
            }
            if (sent && q.isEmpty()) {
                // A write buffer has now been emptied.  Give any producer on that side an
                // opportunity to produce more data.
                source.pollProducer();
            }
            return sent;
        }

        /** Transfers bytes from the output queue of each protocol to the input of the other. */
        Deferred<Void> body() {
            LoopbackQueue serverToClient = serverTransport.q;
            LoopbackQueue clientToServer = clientTransport.q;
            while (true) {
                boolean disconnect = false;

                // Deliver the data which has been written.
                boolean serverSent = pump(serverTransport, client);
                boolean clientSent = pump(clientTransport, server);

                if (!clientSent && !serverSent) {
                    // Neither side wrote any data.  Wait for some new data to be added before
                    // trying to do anything further.
                    Deferred<Void> d = new Deferred<>();
                    clientToServer.notificationDeferred = d;
                    serverToClient.notificationDeferred = d;
                    return d.addCallbackDeferred(ignored -> continueLater());
                }
                if (serverToClient.disconnect) {
                    // The server wants to drop the connection.  Flush any remaining data it has.
                    disconnect = true;
                    pump(serverTransport, client);
                } else if (clientToServer.disconnect) {
                    // The client wants to drop the connection.  Flush any remaining data it has.
                    disconnect = true;
                    pump(clientTransport, server);
                }
                if (disconnect) {
                    // Someone wanted to disconnect, so okay, the connection is gone.
                    server.connectionLost(Protocol.connectionDone());
                    client.connectionLost(Protocol.connectionDone());
                    return Defer.succeed(null);
                }
            }
        }

        private Deferred<Void> continueLater() {
            // Clear the Deferred from each message queue, since it has already fired and cannot
            // be used again.
            clientTransport.q.notificationDeferred = null;
            serverTransport.q.notificationDeferred = null;

            // Schedule some more byte-pushing to happen.  This isn't done synchronously because
            // no actual transport can re-enter dataReceived as a result of calling write, and
            // doing this synchronously could result in that.
            IReactorTime c = clock != null ? clock : Reactor.reactor();
            return Task.deferLater(c, 0).addCallbackDeferred(ignored -> body());
        }
    }
}
