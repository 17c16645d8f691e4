package dev.twj.internet.unix;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.BadFileError;
import dev.twj.internet.error.ConnectError;
import dev.twj.internet.error.ConnectionRefusedError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.tcp.BaseClient;
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
public final class Client extends BaseClient {
    private final String address;

    Client(String address, Connector connector, boolean checkPID, ReactorBase reactor) {
        super(connector, reactor);
        this.address = address;
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
            reactor.callLater(0, () -> connectTo(() -> UnixDomainSocketAddress.of(address)));
        } else {
            Throwable error = err;
            reactor.callLater(0, () -> failIfNotConnected(error));
        }
    }

    @Override
    protected Throwable connectError(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("refused")) {
            return new ConnectionRefusedError(null, message);
        }
        return new ConnectError(null, message);
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
        return describe(address);
    }
}
