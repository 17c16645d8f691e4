package dev.twj.internet.unix;

import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.defer.Defer;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.CannotListenError;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.ILoggingContext;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import dev.twj.python.lockfile.FilesystemLock;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectableChannel;
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
 * <p>Where twj differs: Linux's abstract namespace (a path starting with NUL) is not supported
 * (the JDK binds filesystem paths only); a {@link CannotListenError} carries the path as its
 * {@code interface_} and port 0, where Twisted puts the path in {@code port}.
 */
public final class Port implements IListeningPort, IReadDescriptor {
    private static final Logger log = new Logger(Port.class);

    private final String address;
    private final IProtocolFactory factory;
    private final int backlog;
    private final int mode;
    private final boolean wantPID;
    private final ReactorBase reactor;
    private final IReactorFDSet fds;

    private ServerSocketChannel socket;
    private FilesystemLock lockFile;
    private UNIXAddress host;
    private int sessionno;
    private boolean connected;
    private boolean disconnecting;
    private Deferred<Void> deferred;

    /** Creates a port; {@link #startListening} binds it. {@code mode} is the socket file's. */
    public Port(String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID,
            ReactorBase reactor) {
        this.address = address;
        this.factory = factory;
        this.backlog = backlog;
        this.mode = mode;
        this.wantPID = wantPID;
        this.reactor = reactor;
        this.fds = (IReactorFDSet) reactor;
    }

    /** The factory of this port's protocols. */
    public IProtocolFactory factory() {
        return factory;
    }

    @Override
    public SelectableChannel fileno() {
        return socket;
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
        factory.doStart();
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
        socket = skt;
        host = new UNIXAddress(address);
        connected = true;
        fds.addReader(this);
    }

    @Override
    public Object doRead() {
        int accepted = 0;
        while (accepted < 100 && connected && !disconnecting) {
            SocketChannel skt;
            try {
                skt = socket.accept();
            } catch (IOException e) {
                log.failure("Error accepting a connection on {port}", new Failure(e), "port", host);
                break;
            }
            if (skt == null) {
                break;
            }
            accepted++;
            UNIXAddress peer;
            try {
                skt.configureBlocking(false);
                peer = Addresses.of(skt.getRemoteAddress());
            } catch (IOException e) {
                closeQuietly(skt);
                continue;
            }
            IProtocol protocol;
            try {
                protocol = factory.buildProtocol(peer);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("Error in buildProtocol of {factory}", new Failure(t), "factory", factory);
                closeQuietly(skt);
                continue;
            }
            if (protocol == null) {
                closeQuietly(skt);
                continue;
            }
            Server transport = new Server(skt, protocol, peer, host, this, sessionno++, reactor);
            transport.startReading();
            try {
                protocol.makeConnection(transport);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                Failure f = new Failure(t);
                log.failure("Error in connectionMade of {protocol}", f, "protocol", protocol);
                transport.connectionLost(f);
            }
        }
        return null;
    }

    private static void closeQuietly(SocketChannel skt) {
        try {
            skt.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Stops listening: the returned Deferred fires once the socket file is removed. */
    @Override
    public Deferred<Void> stopListening() {
        if (deferred != null) {
            return deferred;
        }
        disconnecting = true;
        fds.removeReader(this);
        if (connected) {
            Deferred<Void> d = new Deferred<>();
            deferred = d;
            reactor.callLater(0, () -> {
                try {
                    connectionLost(new Failure(new ConnectionDone()));
                    d.callback(null);
                } catch (RuntimeException e) {
                    d.errback(new Failure(e));
                }
            });
            return d;
        }
        return Defer.succeed(null);
    }

    /** Same as {@link #stopListening()}. */
    public Deferred<Void> loseConnection() {
        return stopListening();
    }

    /** Cleans up: closes the socket, removes the socket file, releases the lock, stops the factory. */
    @Override
    public void connectionLost(Failure reason) {
        if (!connected) {
            return;
        }
        connected = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        try {
            Files.deleteIfExists(Path.of(address));
        } catch (IOException ignored) {
            // already gone or not ours to remove
        }
        log.info("(UNIX Port {address} Closed)", "address", address);
        try {
            if (lockFile != null) {
                try {
                    lockFile.unlock();
                } catch (IOException e) {
                    log.failure("Error unlocking {lock}", new Failure(e), "lock", lockFile);
                }
            }
            factory.doStop();
        } finally {
            disconnecting = false;
        }
    }

    /** Returns the listening path as a {@link UNIXAddress}. */
    @Override
    public IAddress getHost() {
        return host != null ? host : new UNIXAddress(address);
    }

    @Override
    public String logPrefix() {
        return factory instanceof ILoggingContext c ? c.logPrefix() : factory.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return connected ? "<" + factory.getClass().getName() + " on '" + address + "'>"
                : "<" + factory.getClass().getName() + " (not listening)>";
    }

}
