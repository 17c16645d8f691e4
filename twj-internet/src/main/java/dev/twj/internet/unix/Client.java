package dev.twj.internet.unix;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.base.BaseConnector;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.BadFileError;
import dev.twj.internet.error.ConnectError;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.error.UserError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.tcp.Connection;
import dev.twj.python.failure.Failure;
import dev.twj.python.lockfile.Lockfile;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * The client side of a UNIX domain socket connection.
 *
 * <p>Port of {@code twisted.internet.unix.Client}: with {@code checkPID}, the connection fails
 * with {@link BadFileError} unless the server holds the {@code address + ".lock"} lock.
 * {@link #getPeer()} is the server's path, {@link #getHost()} {@code UNIXAddress(None)}.
 */
public final class Client extends Connection implements BaseConnector.Transport {
    private final String address;
    private Connector connector;
    private boolean connecting;

    Client(String address, Connector connector, boolean checkPID, ReactorBase reactor) {
        super(null, null, reactor);
        this.address = address;
        this.connector = connector;
        Throwable err = null;
        try {
            if (checkPID && !Lockfile.isLocked(address + ".lock")) {
                err = new BadFileError(null, address);
            }
        } catch (IOException e) {
            err = new BadFileError(null, address + ": " + e.getMessage());
        }
        if (err == null) {
            try {
                socket = SocketChannel.open(StandardProtocolFamily.UNIX);
                socket.configureBlocking(false);
            } catch (IOException e) {
                err = new ConnectError(null, String.valueOf(e.getMessage()));
            }
        }
        if (err == null) {
            reactor.callLater(0, this::doConnect);
        } else {
            Throwable error = err;
            reactor.callLater(0, () -> failIfNotConnected(error));
        }
    }

    private void doConnect() {
        if (connector == null) {
            return;
        }
        try {
            if (socket.connect(UnixDomainSocketAddress.of(address))) {
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
        if (message.contains("refused")) {
            return new ConnectionRefusedError(null, message);
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

    private void connectDone() {
        IProtocol p = connector.buildProtocol(getPeer());
        connected = true;
        if (p == null) {
            protocol = new Protocol();
            loseConnection();
        } else {
            protocol = p;
            startReading();
            p.makeConnection(this);
        }
    }

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

    /** Stops the connection attempt with {@link UserError}. */
    public void stopConnecting() {
        failIfNotConnected(new UserError());
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

    /** Returns {@code UNIXAddress(None)}: the client's socket is not bound to a path. */
    @Override
    public IAddress getHost() {
        return new UNIXAddress(null);
    }

    /** Returns the server's path. */
    @Override
    public IAddress getPeer() {
        return new UNIXAddress(address);
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " to " + address
                + (connected ? " at connected" : connecting ? " connecting" : "") + ">";
    }
}
