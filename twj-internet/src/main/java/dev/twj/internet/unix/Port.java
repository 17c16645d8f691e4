package dev.twj.internet.unix;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.tcp.Connection;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import dev.twj.python.lockfile.FilesystemLock;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A listening UNIX domain stream socket.
 *
 * <p>Port of {@code twisted.internet.unix.Port}: {@link #startListening} optionally takes the
 * {@code address + ".lock"} {@link FilesystemLock} ({@code wantPID}; a stale socket file left by a
 * dead owner is removed), binds, and sets the socket file's permissions to {@code mode};
 * {@link #stopListening} closes the socket, removes the socket file and releases the lock.
 *
 * <p>As in Twisted, it extends {@link dev.twj.internet.tcp.Port}, whose accept loop (adaptive
 * {@code numberAccepts}, the pause on running out of file descriptors), {@link #stopListening}
 * (a restarted port stops again) and {@link #connectionLost} it shares.
 *
 * <p>Where twj differs: Linux's abstract namespace (a path starting with NUL) is not supported
 * (the JDK binds filesystem paths only); a {@link CannotListenError} carries the path as its
 * {@code interface_} and port 0, where Twisted puts the path in {@code port}.
 */
public class Port extends dev.twj.internet.tcp.Port {
    private static final Logger log = new Logger(Port.class);

    private final String address;
    private final int backlog;
    private final int mode;
    private final boolean wantPID;
    private final ReactorBase reactor;

    private FilesystemLock lockFile;
    private UNIXAddress host;

    /** Creates a port; {@link #startListening} binds it. {@code mode} is the socket file's. */
    public Port(String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID,
            ReactorBase reactor) {
        super(0, factory, backlog, "", reactor);
        this.address = address;
        this.backlog = backlog;
        this.mode = mode;
        this.wantPID = wantPID;
        this.reactor = reactor;
    }

    /** Turns the low nine bits of {@code mode} into permissions. */
    static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String rwx = "rwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((mode & (1 << bit)) != 0 ? rwx.charAt(2 - bit % 3) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }

    /**
     * Creates and binds the socket and begins listening on it.
     *
     * @throws CannotListenError if the lock cannot be acquired or the path cannot be bound
     */
    @Override
    public void startListening() {
        log.info("{prefix} starting on {address}", "prefix", logPrefix(), "address", "'" + address + "'");
        Path path = Path.of(address);
        if (wantPID) {
            lockFile = new FilesystemLock(address + ".lock");
            boolean locked;
            try {
                locked = lockFile.lock();
            } catch (IOException e) {
                throw new CannotListenError(address, 0, e);
            }
            if (!locked) {
                throw new CannotListenError(address, 0, new IOException("Cannot acquire lock"));
            }
            if (!lockFile.clean()) {
                try {
                    // A best-attempt at cleaning up a left-over socket file; bind reports failure.
                    if (Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                        Files.delete(path);
                    }
                } catch (IOException | RuntimeException e) {
                    // bind below fails with an exception that propagates
                }
            }
        }
        factory().doStart();
        ServerSocketChannel skt = null;
        try {
            skt = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            skt.bind(UnixDomainSocketAddress.of(path), backlog);
            skt.configureBlocking(false);
            try {
                Files.setPosixFilePermissions(path, permissions(mode));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: keep the default permissions.
            }
        } catch (IOException | RuntimeException e) {
            if (skt != null) {
                try {
                    skt.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
            throw new CannotListenError(address, 0, e);
        }
        host = new UNIXAddress(address);
        startAccepting(skt);
    }

    /** Returns the path the accepted socket's peer is bound to, usually {@code UNIXAddress(None)}. */
    @Override
    protected IAddress buildAddr(SocketChannel skt) throws IOException {
        return Addresses.of(skt.getRemoteAddress());
    }

    /** Returns a UNIX {@link Server} for the accepted socket. */
    @Override
    protected Connection transport(SocketChannel skt, IProtocol protocol, IAddress addr, int sessionno) {
        return new Server(skt, protocol, (UNIXAddress) addr, host, this, sessionno, reactor);
    }

    /**
     * Cleans up: removes the socket file and releases the lock, then closes the socket and stops
     * the factory as {@link dev.twj.internet.tcp.Port#connectionLost} does.
     */
    @Override
    public void connectionLost(Failure reason) {
        if (connected) {
            try {
                Files.deleteIfExists(Path.of(address));
            } catch (IOException ignored) {
                // already gone or not ours to remove
            }
            if (lockFile != null) {
                try {
                    lockFile.unlock();
                } catch (IOException e) {
                    log.failure("Error unlocking {lock}", new Failure(e), "lock", lockFile);
                }
            }
        }
        super.connectionLost(reason);
    }

    @Override
    protected void logConnectionLostMsg() {
        log.info("(UNIX Port {address} Closed)", "address", address);
    }

    /** Returns the listening path as a {@link UNIXAddress}. */
    @Override
    public IAddress getHost() {
        return host != null ? host : new UNIXAddress(address);
    }

    @Override
    public String toString() {
        return connected ? "<" + factory().getClass().getName() + " on '" + address + "'>"
                : "<" + factory().getClass().getName() + " (not listening)>";
    }
}
