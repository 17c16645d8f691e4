package dev.twj.internet.selectreactor;

import dev.twj.internet.base.ReactorBase;
import dev.twj.internet.error.ConnectionDone;
import dev.twj.internet.error.ConnectionLost;
import dev.twj.internet.interfaces.IFileDescriptor;
import dev.twj.internet.interfaces.IHalfCloseableDescriptor;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.tcp.Connector;
import dev.twj.internet.tcp.Port;
import dev.twj.internet.interfaces.IWriteDescriptor;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A reactor that waits for I/O with a {@link Selector}: epoll on Linux. Port of Twisted's
 * {@code selectreactor.SelectReactor} / {@code epollreactor.EPollReactor}, which differ only in
 * the system call; the JDK picks the best one.
 *
 * <p>Descriptors are {@link IReadDescriptor}s and {@link IWriteDescriptor}s over a
 * {@link SelectableChannel} in non-blocking mode. When a descriptor's {@code doRead} or
 * {@code doWrite} returns a Failure or throws, the descriptor is removed and its
 * {@code connectionLost} called with the failure; the other descriptors are unaffected.
 *
 * <p>As an {@link IReactorTCP}, it listens and connects with the transports of
 * {@link dev.twj.internet.tcp}.
 *
 * <h2>Contract</h2>
 * <p>One thread runs the loop ({@link #run}); all methods except {@link #callFromThread} must be
 * called on it (or before it starts).
 */
public class SelectReactor extends ReactorBase implements IReactorFDSet, IReactorTCP,
        dev.twj.internet.interfaces.IReactorUNIX, dev.twj.internet.interfaces.IReactorUDP,
        dev.twj.internet.interfaces.IReactorSSL {
    private static final Logger log = new Logger(SelectReactor.class);

    private final Selector selector;
    // The descriptors added, one Entry per channel, in the order the channels were first added
    // (getReaders, getWriters, removeAll). A channel's Entry is attached to its SelectionKey and
    // the key is found with channel.keyFor (see entryOf): no map, and per connection one 32-byte
    // object instead of a LinkedHashSet entry, an IdentityHashMap slot pair and an Entry.
    private Entry head;
    private Entry tail;
    // Handles each ready key during select(Consumer), which fills no selected-key set.
    private final Consumer<SelectionKey> dispatch = this::handleKey;

    private static final class Entry {
        final SelectableChannel channel;
        IReadDescriptor reader;
        IWriteDescriptor writer;
        Entry prev;
        Entry next;

        Entry(SelectableChannel channel) {
            this.channel = channel;
        }
    }

    /**
     * Creates a reactor with a new selector.
     *
     * @throws UncheckedIOException if the selector cannot be opened
     */
    public SelectReactor() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    @Override
    protected void wakeUp() {
        selector.wakeup();
    }

    /** Returns the Entry of {@code channel}, or null if it has none. */
    private Entry entryOf(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.attachment() instanceof Entry e) {
            return e;
        }
        if (!channel.isOpen()) {
            // Closed and deregistered (or never registered) while still added: no key to ask.
            for (Entry e = head; e != null; e = e.next) {
                if (e.channel == channel) {
                    return e;
                }
            }
        }
        return null;
    }

    private Entry newEntry(SelectableChannel channel) {
        Entry e = new Entry(channel);
        e.prev = tail;
        if (tail == null) {
            head = e;
        } else {
            tail.next = e;
        }
        tail = e;
        return e;
    }

    private void unlink(Entry e) {
        if (e.prev == null) {
            head = e.next;
        } else {
            e.prev.next = e.next;
        }
        if (e.next == null) {
            tail = e.prev;
        } else {
            e.next.prev = e.prev;
        }
        e.prev = null;
        e.next = null;
    }

    private void update(Entry e) {
        SelectableChannel channel = e.channel;
        int ops = 0;
        if (e.reader != null) {
            ops |= channel.validOps() & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (e.writer != null) {
            ops |= channel.validOps() & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT);
        }
        SelectionKey key = channel.keyFor(selector);
        if (e.reader == null && e.writer == null) {
            // Keep the key registered with no interest rather than cancel it: a cancelled key
            // lingers until the next select, and registering the channel again before then
            // throws CancelledKeyException (a transport stops and starts reading or writing
            // all the time). Closing the channel cancels the key.
            unlink(e);
            if (key != null && key.attachment() == e) {
                key.attach(null);
                if (key.isValid()) {
                    try {
                        key.interestOps(0);
                    } catch (CancelledKeyException ex) {
                        // closed meanwhile
                    }
                }
            }
            return;
        }
        try {
            if (key == null || !key.isValid()) {
                channel.register(selector, ops, e);
            } else {
                if (key.attachment() != e) {
                    key.attach(e);
                }
                key.interestOps(ops);
            }
        } catch (ClosedChannelException | CancelledKeyException ex) {
            // Closed: nothing to wait for; the descriptor stays added until it is removed.
        }
    }

    @Override
    public void addReader(IReadDescriptor reader) {
        SelectableChannel channel = reader.fileno();
        Entry e = entryOf(channel);
        if (e == null) {
            e = newEntry(channel);
        } else if (e.reader == reader) {
            return;
        }
        e.reader = reader;
        update(e);
    }

    @Override
    public void addWriter(IWriteDescriptor writer) {
        SelectableChannel channel = writer.fileno();
        Entry e = entryOf(channel);
        if (e == null) {
            e = newEntry(channel);
        } else if (e.writer == writer) {
            return;
        }
        e.writer = writer;
        update(e);
    }

    @Override
    public void removeReader(IReadDescriptor reader) {
        SelectableChannel channel = reader.fileno();
        Entry e = channel == null ? null : entryOf(channel);
        if (e != null && e.reader == reader) {
            e.reader = null;
            update(e);
        }
    }

    @Override
    public void removeWriter(IWriteDescriptor writer) {
        SelectableChannel channel = writer.fileno();
        Entry e = channel == null ? null : entryOf(channel);
        if (e != null && e.writer == writer) {
            e.writer = null;
            update(e);
        }
    }

    /** Removes every reader and writer; returns them, the readers first, each once. */
    @Override
    public List<IFileDescriptor> removeAll() {
        List<IFileDescriptor> removed = new ArrayList<>();
        for (Entry e = head; e != null; e = e.next) {
            if (e.reader != null) {
                removed.add(e.reader);
            }
        }
        for (Entry e = head; e != null; e = e.next) {
            if (e.writer != null && e.writer != e.reader) {
                removed.add(e.writer);
            }
        }
        for (Entry e = head; e != null; ) {
            Entry next = e.next;
            e.reader = null;
            e.writer = null;
            update(e);
            e = next;
        }
        return removed;
    }

    @Override
    public List<IReadDescriptor> getReaders() {
        List<IReadDescriptor> readers = new ArrayList<>();
        for (Entry e = head; e != null; e = e.next) {
            if (e.reader != null) {
                readers.add(e.reader);
            }
        }
        return readers;
    }

    @Override
    public List<IWriteDescriptor> getWriters() {
        List<IWriteDescriptor> writers = new ArrayList<>();
        for (Entry e = head; e != null; e = e.next) {
            if (e.writer != null) {
                writers.add(e.writer);
            }
        }
        return writers;
    }

    /** Disconnects every descriptor with ConnectionDone, as Twisted's disconnectAll. */
    @Override
    protected void disconnectAll() {
        for (IFileDescriptor d : removeAll()) {
            try {
                d.connectionLost(new Failure(new ConnectionDone("Reactor shutting down")));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.failure("Error disconnecting {descriptor}", new Failure(t), "descriptor", d);
            }
        }
    }

    /**
     * Releases the sockets of channels closed since the last select, now: NIO closes a channel
     * registered with a selector only when the next select deregisters it, whereas Twisted's
     * ports free their port number as soon as they are closed (so it can be bound again at once).
     * Does nothing while the selected keys are being handled; the next select releases them.
     */
    public void releaseClosedChannels() {
        if (handlingKeys) {
            return;
        }
        try {
            selector.selectNow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean handlingKeys;

    @Override
    protected void doIteration(Double timeout) {
        handlingKeys = true;
        try {
            if (!selector.selectedKeys().isEmpty()) {
                // releaseClosedChannels selected these already: don't block on them.
                selector.selectNow();
                handleSelectedKeys();
            } else if (timeout == null) {
                selector.select(dispatch);
            } else {
                long millis = (long) Math.ceil(timeout * 1000);
                if (millis <= 0) {
                    selector.selectNow(dispatch);
                } else {
                    selector.select(dispatch, millis);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            handlingKeys = false;
        }
    }

    private void handleSelectedKeys() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            handleKey(key);
        }
    }

    /** Calls the reader and the writer of a ready key. */
    private void handleKey(SelectionKey key) {
        Entry e = (Entry) key.attachment();
        if (e == null) {
            return;
        }
        int ready;
        try {
            ready = key.readyOps();
        } catch (CancelledKeyException ex) {
            return;
        }
        if ((ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && e.reader != null) {
            doReadOrWrite(e.reader, true);
        }
        if ((ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && e.writer != null
                && key.isValid()) {
            doReadOrWrite(e.writer, false);
        }
    }

    private void doReadOrWrite(IFileDescriptor selectable, boolean isRead) {
        Object why;
        try {
            why = isRead ? ((IReadDescriptor) selectable).doRead() : ((IWriteDescriptor) selectable).doWrite();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            // As Twisted: log it once, and lose the connection with that very error.
            Failure f = new Failure(t);
            log.failure("Unhandled error in {descriptor}", f, "descriptor", selectable);
            why = f;
        }
        if (why != null) {
            disconnectSelectable(
                    selectable,
                    why instanceof Failure f ? f : new Failure(new ConnectionLost(String.valueOf(why))),
                    isRead);
        }
    }

    private void disconnectSelectable(IFileDescriptor selectable, Failure why, boolean isRead) {
        if (selectable instanceof IReadDescriptor r) {
            removeReader(r);
        }
        try {
            if (isRead && why.value().getClass() == ConnectionDone.class
                    && selectable instanceof IHalfCloseableDescriptor half) {
                // The peer closed its side; this side may still write.
                half.readConnectionLost(why);
                return;
            }
            if (selectable instanceof IWriteDescriptor w) {
                removeWriter(w);
            }
            selectable.connectionLost(why);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            log.failure("Error in connectionLost of {descriptor}", new Failure(t), "descriptor", selectable);
        }
    }

    // ---- IReactorTCP ------------------------------------------------------------------------

    /**
     * Listens for TCP connections on {@code port} (0 picks a free one) of {@code interface_}
     * ({@code ""} for all IPv4 interfaces, an IPv6 literal such as {@code "::"} for IPv6).
     *
     * @throws dev.twj.internet.error.CannotListenError if the port cannot be bound
     */
    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String interface_) {
        Port p = new Port(port, factory, backlog, interface_, this);
        p.startListening();
        return p;
    }

    /**
     * Connects {@code factory}'s protocol to {@code host}:{@code port}; the name is resolved off
     * the reactor thread with {@link #resolve}, an IPv6 literal connects over IPv6.
     */
    @Override
    public IConnector connectTCP(
            String host, int port, IProtocolFactory factory, double timeout, IAddress bindAddress) {
        Connector c = new Connector(host, port, factory, timeout, bindAddress, this);
        c.connect();
        return c;
    }

    // ---- IReactorSSL ------------------------------------------------------------------------

    /**
     * Listens for TLS connections: {@link #listenTCP} with {@code factory} wrapped in a
     * {@code dev.twj.protocols.tls.TLSMemoryBIOFactory}, as Twisted's {@code listenSSL} does.
     *
     * @throws UnsupportedOperationException if twj-protocols is not on the path
     */
    @Override
    public IListeningPort listenSSL(int port, IProtocolFactory factory,
            dev.twj.internet.interfaces.IOpenSSLServerConnectionCreator contextFactory, int backlog, String interface_) {
        return listenTCP(port, dev.twj.internet.internal.TLSSupport.get().wrapFactory(factory, contextFactory, false),
                backlog, interface_);
    }

    /**
     * Connects over TLS: {@link #connectTCP} with {@code factory} wrapped in a
     * {@code dev.twj.protocols.tls.TLSMemoryBIOFactory}, as Twisted's {@code connectSSL} does.
     *
     * @throws UnsupportedOperationException if twj-protocols is not on the path
     */
    @Override
    public IConnector connectSSL(String host, int port, IProtocolFactory factory,
            dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator contextFactory, double timeout,
            IAddress bindAddress) {
        return connectTCP(host, port, dev.twj.internet.internal.TLSSupport.get().wrapFactory(factory, contextFactory, true),
                timeout, bindAddress);
    }

    // IReactorUNIX

    /**
     * Listens for connections on the UNIX domain socket at path {@code address}, whose file gets
     * permissions {@code mode} (e.g. {@code 0666}); with {@code wantPID}, holds the
     * {@code address + ".lock"} lock while listening. See {@link dev.twj.internet.unix.Port}.
     *
     * @throws dev.twj.internet.error.CannotListenError if the lock or the path cannot be taken
     */
    @Override
    public IListeningPort listenUNIX(
            String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {
        dev.twj.internet.unix.Port p =
                new dev.twj.internet.unix.Port(address, factory, backlog, mode, wantPID, this);
        p.startListening();
        return p;
    }

    /**
     * Connects {@code factory}'s protocol to the UNIX domain socket at path {@code address}; with
     * {@code checkPID} the attempt fails with {@code BadFileError} unless the server holds
     * {@code address + ".lock"}.
     */
    @Override
    public IConnector connectUNIX(
            String address, IProtocolFactory factory, double timeout, boolean checkPID) {
        dev.twj.internet.unix.Connector c =
                new dev.twj.internet.unix.Connector(address, factory, timeout, checkPID, this);
        c.connect();
        return c;
    }

    // IReactorUDP

    /**
     * Connects {@code protocol} to a new UDP port {@code port} (0 picks a free one) of
     * {@code interface_} ({@code ""} for all IPv4 interfaces); datagrams longer than
     * {@code maxPacketSize} are truncated. See {@link dev.twj.internet.udp.Port}.
     *
     * @throws dev.twj.internet.error.CannotListenError if the port cannot be bound
     */
    @Override
    public IListeningPort listenUDP(int port, dev.twj.internet.protocol.DatagramProtocol protocol,
            String interface_, int maxPacketSize) {
        dev.twj.internet.udp.Port p =
                new dev.twj.internet.udp.Port(port, protocol, interface_, maxPacketSize, this);
        p.startListening();
        return p;
    }
}
