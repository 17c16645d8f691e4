package dev.twj.internet.testing;

import dev.twj.internet.Abstract;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.address.UNIXAddress;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IConnector;
import dev.twj.internet.interfaces.IFileDescriptor;
import dev.twj.internet.interfaces.IListeningPort;
import dev.twj.internet.interfaces.IOpenSSLClientConnectionCreator;
import dev.twj.internet.interfaces.IOpenSSLServerConnectionCreator;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.interfaces.IReactorCore;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReactorSSL;
import dev.twj.internet.interfaces.IReactorTCP;
import dev.twj.internet.interfaces.IReactorUNIX;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.internet.interfaces.IWriteDescriptor;
import dev.twj.internet.protocol.ClientFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A fake reactor that records what it is asked to do: connection attempts are kept, never
 * made. Port of {@code twisted.internet.testing.MemoryReactor}.
 *
 * <p>A test hands it to the code under test, then inspects {@link #tcpClients},
 * {@link #tcpServers} and the other lists, and may drive a recorded factory itself:
 *
 * <pre>{@code
 * MemoryReactor reactor = new MemoryReactor();
 * client.connect(reactor);
 * TCPClient attempt = reactor.tcpClients.get(0);
 * Protocol p = attempt.factory().buildProtocol(null);
 * p.makeConnection(new StringTransport());
 * }</pre>
 */
public class MemoryReactor implements IReactorCore, IReactorTCP, IReactorSSL, IReactorUNIX, IReactorFDSet {
    /** One call of {@code connectTCP}. */
    public record TCPClient(
            String host, int port, IProtocolFactory factory, double timeout, IAddress bindAddress) {}

    /** One call of {@code listenTCP}. */
    public record TCPServer(int port, IProtocolFactory factory, int backlog, String interface_) {}

    /** One call of {@code connectSSL}. */
    public record SSLClient(
            String host,
            int port,
            IProtocolFactory factory,
            IOpenSSLClientConnectionCreator contextFactory,
            double timeout,
            IAddress bindAddress) {}

    /** One call of {@code listenSSL}. */
    public record SSLServer(
            int port,
            IProtocolFactory factory,
            IOpenSSLServerConnectionCreator contextFactory,
            int backlog,
            String interface_) {}

    /** One call of {@code connectUNIX}. */
    public record UNIXClient(String address, IProtocolFactory factory, double timeout, boolean checkPID) {}

    /** One call of {@code listenUNIX}. */
    public record UNIXServer(
            String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {}

    /** One trigger added with {@code addSystemEventTrigger}. */
    public record Trigger(String phase, String eventType, Callable<?> callable) {}

    /** Whether {@link #install} has been called. */
    public boolean hasInstalled;

    /**
     * Whether the reactor runs: Twisted's {@code running}, which {@link #crash} sets to None;
     * here crash sets it to false and {@link #hasCrashed} tells the difference.
     */
    public boolean running;

    /** Set by {@link #run} (true from the start, as in Twisted). */
    public boolean hasRun = true;

    /** Set by {@link #stop} (true from the start, as in Twisted). */
    public boolean hasStopped = true;

    /** Set by {@link #crash} (true from the start, as in Twisted). */
    public boolean hasCrashed = true;

    /** The hooks given to {@link #callWhenRunning}. */
    public final List<Runnable> whenRunningHooks = new ArrayList<>();

    /** The triggers given to {@link #addSystemEventTrigger}, by phase, then event type. */
    public final Map<String, Map<String, List<Callable<?>>>> triggers = new HashMap<>();

    /** The calls of connectTCP. */
    public final List<TCPClient> tcpClients = new ArrayList<>();

    /** The calls of listenTCP. */
    public final List<TCPServer> tcpServers = new ArrayList<>();

    /** The calls of connectSSL. */
    public final List<SSLClient> sslClients = new ArrayList<>();

    /** The calls of listenSSL. */
    public final List<SSLServer> sslServers = new ArrayList<>();

    /** The calls of connectUNIX. */
    public final List<UNIXClient> unixClients = new ArrayList<>();

    /** The calls of listenUNIX. */
    public final List<UNIXServer> unixServers = new ArrayList<>();

    /** The connectors returned by the connect methods. */
    public final List<FakeConnector> connectors = new ArrayList<>();

    /** The readers added. */
    public final Set<IReadDescriptor> readers = new LinkedHashSet<>();

    /** The writers added. */
    public final Set<IWriteDescriptor> writers = new LinkedHashSet<>();

    /** Creates a reactor that is not running. */
    public MemoryReactor() {}

    /** Fake installation: sets {@link #hasInstalled}. */
    public void install() {
        hasInstalled = true;
    }

    @Override
    public boolean running() {
        return running;
    }

    /** Not implemented. */
    @Override
    public Deferred<String> resolve(String name, List<Integer> timeout) {
        throw new UnsupportedOperationException("MemoryReactor.resolve");
    }

    /**
     * Sets {@link #running}, runs the hooks given to {@link #callWhenRunning}, then calls
     * {@link #stop} to simulate a request to stop.
     *
     * @throws IllegalStateException if already running
     */
    @Override
    public void run() {
        if (running) {
            throw new IllegalStateException("MemoryReactor is already running");
        }
        running = true;
        hasRun = true;
        for (Runnable hook : whenRunningHooks) {
            hook.run();
        }
        stop();
    }

    /** Clears {@link #running}, sets {@link #hasStopped}. */
    @Override
    public void stop() {
        running = false;
        hasStopped = true;
    }

    /** Clears {@link #running}, sets {@link #hasCrashed}. */
    @Override
    public void crash() {
        running = false;
        hasCrashed = true;
    }

    /** Not implemented. */
    @Override
    public void iterate(double delay) {
        throw new UnsupportedOperationException("MemoryReactor.iterate");
    }

    /** Not implemented. */
    @Override
    public void fireSystemEvent(String eventType) {
        throw new UnsupportedOperationException("MemoryReactor.fireSystemEvent");
    }

    /** Records the trigger in {@link #triggers}; returns it as its ID. */
    @Override
    public Object addSystemEventTrigger(String phase, String eventType, Callable<?> callable) {
        triggers.computeIfAbsent(phase, k -> new HashMap<>())
                .computeIfAbsent(eventType, k -> new ArrayList<>())
                .add(callable);
        return new Trigger(phase, eventType, callable);
    }

    /** Not implemented. */
    @Override
    public void removeSystemEventTrigger(Object triggerID) {
        throw new UnsupportedOperationException("MemoryReactor.removeSystemEventTrigger");
    }

    /** Records the hook in {@link #whenRunningHooks}. */
    @Override
    public Object callWhenRunning(Runnable callable) {
        whenRunningHooks.add(callable);
        return null;
    }

    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String interface_) {
        tcpServers.add(new TCPServer(port, factory, backlog, interface_));
        IAddress address = Abstract.isIPv6Address(interface_)
                ? new IPv6Address("TCP", interface_, port)
                : new IPv4Address("TCP", "0.0.0.0", port);
        return new FakePort(address);
    }

    @Override
    public IConnector connectTCP(
            String host, int port, IProtocolFactory factory, double timeout, IAddress bindAddress) {
        tcpClients.add(new TCPClient(host, port, factory, timeout, bindAddress));
        IAddress address = Abstract.isIPv6Address(host)
                ? new IPv6Address("TCP", host, port)
                : new IPv4Address("TCP", host, port);
        return connector(address, factory);
    }

    @Override
    public IListeningPort listenSSL(
            int port,
            IProtocolFactory factory,
            IOpenSSLServerConnectionCreator contextFactory,
            int backlog,
            String interface_) {
        sslServers.add(new SSLServer(port, factory, contextFactory, backlog, interface_));
        return new FakePort(new IPv4Address("TCP", "0.0.0.0", port));
    }

    @Override
    public IConnector connectSSL(
            String host,
            int port,
            IProtocolFactory factory,
            IOpenSSLClientConnectionCreator contextFactory,
            double timeout,
            IAddress bindAddress) {
        sslClients.add(new SSLClient(host, port, factory, contextFactory, timeout, bindAddress));
        return connector(new IPv4Address("TCP", host, port), factory);
    }

    @Override
    public IListeningPort listenUNIX(
            String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {
        unixServers.add(new UNIXServer(address, factory, backlog, mode, wantPID));
        return new FakePort(new UNIXAddress(address));
    }

    @Override
    public IConnector connectUNIX(
            String address, IProtocolFactory factory, double timeout, boolean checkPID) {
        unixClients.add(new UNIXClient(address, factory, timeout, checkPID));
        return connector(new UNIXAddress(address), factory);
    }

    private IConnector connector(IAddress address, IProtocolFactory factory) {
        FakeConnector conn = new FakeConnector(address);
        if (factory instanceof ClientFactory clientFactory) {
            clientFactory.startedConnecting(conn);
        }
        connectors.add(conn);
        return conn;
    }

    @Override
    public void addReader(IReadDescriptor reader) {
        readers.add(reader);
    }

    @Override
    public void removeReader(IReadDescriptor reader) {
        readers.remove(reader);
    }

    @Override
    public void addWriter(IWriteDescriptor writer) {
        writers.add(writer);
    }

    @Override
    public void removeWriter(IWriteDescriptor writer) {
        writers.remove(writer);
    }

    @Override
    public List<IReadDescriptor> getReaders() {
        return new ArrayList<>(readers);
    }

    @Override
    public List<IWriteDescriptor> getWriters() {
        return new ArrayList<>(writers);
    }

    @Override
    public List<IFileDescriptor> removeAll() {
        List<IFileDescriptor> removed = new ArrayList<>(readers);
        for (IWriteDescriptor w : writers) {
            if (!removed.contains(w)) {
                removed.add(w);
            }
        }
        readers.clear();
        writers.clear();
        return removed;
    }
}
