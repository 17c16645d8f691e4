package dev.twj.internet.tcp;

import dev.twj.internet.Abstract;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.ConnectBindError;
import dev.twj.internet.error.ConnectError;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.error.NoRouteError;
import dev.twj.internet.interfaces.IAddress;
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
public final class Client extends BaseClient {
    private final String host;
    private final int port;
    private final boolean v6;
    private IAddress realAddress;

    Client(String host, int port, IAddress bindAddress, Connector connector, ReactorBase reactor) {
        super(connector, reactor);
        this.host = host;
        this.port = port;
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
        if (baseConnector() == null) {
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
        if (baseConnector() == null) {
            return;
        }
        realAddress = v6 ? new IPv6Address("TCP", ip, port) : new IPv4Address("TCP", ip, port);
        connectTo(() -> Addresses.toSocketAddress(realAddress));
    }

    @Override
    protected Throwable connectError(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof ConnectException && message.contains("refused")) {
            return new ConnectionRefusedError(null, message);
        }
        if (e instanceof NoRouteToHostException) {
            return new NoRouteError(null, message);
        }
        return new ConnectError(null, message);
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
        return (Connector) baseConnector();
    }

    @Override
    public String toString() {
        return describe(realAddress == null ? host + ":" + port : realAddress);
    }

}
