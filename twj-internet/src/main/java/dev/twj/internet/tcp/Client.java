package dev.twj.internet.tcp;

import dev.twj.internet.Abstract;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.base.BaseConnector;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.ConnectBindError;
import dev.twj.internet.error.ConnectError;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.error.NoRouteError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.protocol.Protocol;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * A TCP client connection: resolves the host name (off the reactor thread, through the reactor's
 * {@code resolve}), connects without blocking and then behaves as a {@link Connection}. Port of
 * Twisted's {@code twisted.internet.tcp.Client}.
 *
 * <p>An IPv6 literal host connects over IPv6 without resolution; other names resolve to IPv4.
 */
public final class Client extends Connection implements BaseConnector.Transport {
    private final String host;
    private final int port;
    private final boolean v6;
    private Connector connector;
    private IAddress realAddress;
    private boolean connecting;

    Client(String host, int port, IAddress bindAddress, Connector connector, ReactorBase reactor) {
        super(null, null, reactor);
        this.host = host;
        this.port = port;
        this.connector = connector;
        this.v6 = Abstract.isIPv6Address(host);
        Throwable err = null;
        try {
            socket = SocketChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            socket.configureBlocking(false);
        } catch (IOException e) {
            err = new ConnectError(null, String.valueOf(e.getMessage()));
        }
        if (err == null && bindAddress != null) {
            try {
                socket.bind(Addresses.toSocketAddress(bindAddress));
            } catch (IOException | RuntimeException e) {
                err = new ConnectBindError(null, String.valueOf(e.getMessage()));
            }
        }
        if (err == null) {
            reactor.callLater(0, this::resolveAddress);
        } else {
            Throwable error = err;
            reactor.callLater(0, () -> failIfNotConnected(error));
        }
    }

    private void resolveAddress() {
        if (connector == null) {
            return;
        }
        if (v6) {
            setRealAddress(host);
        } else {
            reactor.resolve(host, List.of(1, 3, 11, 45)).addCallbacks(
                    ip -> {
                        setRealAddress(ip);
                        return null;
                    },
                    f -> {
                        failIfNotConnected(f.value());
                        return null;
                    });
        }
    }

    private void setRealAddress(String ip) {
        if (connector == null) {
            return;
        }
        realAddress = v6 ? new IPv6Address("TCP", ip, port) : new IPv4Address("TCP", ip, port);
        try {
            if (socket.connect(Addresses.toSocketAddress(realAddress))) {
                connectDone();
            } else {
                connecting = true;
                startWriting();
            }
        } catch (IOException | RuntimeException e) {
            failIfNotConnected(connectError(e));
        }
    }

    private static Throwable connectError(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof ConnectException && message.contains("refused")) {
            return new ConnectionRefusedError(null, message);
        }
        if (e instanceof NoRouteToHostException) {
            return new NoRouteError(null, message);
        }
        return new ConnectError(null, message);
    }

    @Override
    public Object doWrite() {
        if (connecting) {
            if (connector == null) {
                return null;
            }
            try {
                if (!socket.finishConnect()) {
                    return null;
                }
            } catch (IOException | RuntimeException e) {
                failIfNotConnected(connectError(e));
                return null;
            }
            connecting = false;
            stopWriting();
            connectDone();
            return null;
        }
        return super.doWrite();
    }

    private String logstr = "Uninitialized";

    /** Twisted's {@code logstr}: "Uninitialized" until connected, then {@code "<protocol prefix>,client"}. */
    public String logstr() {
        return logstr;
    }

    private void connectDone() {
        IProtocol p = connector.buildProtocol(getPeer());
        connected = true;
        if (p == null) {
            // Factory.buildProtocol may return null: dispose of the connection quickly.
            protocol = new Protocol();
            loseConnection();
        } else {
            protocol = p;
            logstr = (p instanceof dev.twj.internet.interfaces.ILoggingContext c ? c.logPrefix()
                    : p.getClass().getSimpleName()) + ",client";
            startReading();
            p.makeConnection(this);
        }
    }

    /**
     * Fails the connection attempt with {@code err}: closes the socket and tells the connector.
     * Does nothing once connected.
     */
    @Override
    public void failIfNotConnected(Throwable err) {
        if (connected || disconnected || connector == null) {
            return;
        }
        stopReading();
        stopWriting();
        if (socket != null) {
            closeSocket(true);
        }
        Connector c = connector;
        connector = null;
        c.connectionFailed(new Failure(err));
    }

    /** Stops the connection attempt, failing it with UserError. */
    public void stopConnecting() {
        failIfNotConnected(new dev.twj.internet.error.UserError());
    }

    @Override
    public void connectionLost(Failure reason) {
        if (!connected) {
            failIfNotConnected(new ConnectError(null, String.valueOf(reason.value())));
        } else if (!disconnected) {
            super.connectionLost(reason);
            connector.connectionLost(reason);
        }
    }

    /** A connecting transport is the TLS client of {@code startTLS}: Twisted's {@code _tlsClientDefault}. */
    @Override
    protected boolean tlsClientDefault() {
        return true;
    }

    /** Returns the IPv4Address or IPv6Address of this side. */
    @Override
    public IAddress getHost() {
        try {
            return Addresses.of(socket.getLocalAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns the (resolved) address connected to. */
    @Override
    public IAddress getPeer() {
        return realAddress;
    }

    /** Returns the connector of this client; null once the attempt failed. */
    public Connector connector() {
        return connector;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " to " + (realAddress == null ? host + ":" + port : realAddress)
                + (connected ? " at connected" : connecting ? " connecting" : "") + ">";
    }

}
