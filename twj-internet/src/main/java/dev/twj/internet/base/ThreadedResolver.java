package dev.twj.internet.base;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.DNSLookupError;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IReactorThreads;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.interfaces.IResolverSimple;
import dev.twj.internet.threads.Threads;
import dev.twj.python.failure.Failure;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves names with the JVM's resolver ({@link InetAddress#getAllByName}) in the reactor's
 * thread pool, so lookups never block the reactor thread, with a timeout independent of whatever
 * timeout logic the JVM's resolver might have. Port of
 * {@code twisted.internet.base.ThreadedResolver}; as Twisted's ({@code socket.gethostbyname}) it
 * returns an IPv4 address.
 *
 * <h2>Contract</h2>
 * <p>{@link #getHostByName} is called on the reactor thread; its Deferred fires there, with the
 * address, or fails with {@link DNSLookupError} when the lookup fails or when the timeout (the
 * sum of the {@code timeout} list, 60 seconds if it is empty) elapses first. A lookup that
 * finishes after its timeout is ignored.
 */
public final class ThreadedResolver implements IResolverSimple {
    /** Looks a name up, blocking: Twisted's {@code socket.gethostbyname}, replaceable in tests. */
    @FunctionalInterface
    interface Lookup {
        /** Returns the address of {@code name}, or throws. */
        String gethostbyname(String name) throws Exception;
    }

    private final IReactorTime time;
    private final IReactorThreads threads;
    private final Lookup lookup;
    private final Map<Deferred<String>, Query> runningQueries = new IdentityHashMap<>();

    private record Query(Deferred<String> userDeferred, IDelayedCall cancelCall) {}

    /**
     * Creates a resolver whose lookups run in {@code reactor}'s threadpool and whose results are
     * delivered in its I/O thread.
     */
    public <R extends IReactorTime & IReactorThreads> ThreadedResolver(R reactor) {
        this(reactor, ThreadedResolver::lookup);
    }

    <R extends IReactorTime & IReactorThreads> ThreadedResolver(R reactor, Lookup lookup) {
        this.time = Objects.requireNonNull(reactor, "reactor");
        this.threads = reactor;
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    private static Failure fail(String name, String err) {
        return new Failure(new DNSLookupError("address '" + name + "' not found: " + err));
    }

    private void cleanup(String name, Deferred<String> lookupDeferred) {
        Query q = runningQueries.remove(lookupDeferred);
        q.userDeferred().errback(fail(name, "timeout error"));
    }

    private void checkTimeout(Object result, String name, Deferred<String> lookupDeferred) {
        Query q = runningQueries.remove(lookupDeferred);
        if (q == null) {
            return;
        }
        q.cancelCall().cancel();
        if (result instanceof Failure f) {
            Failure failure = fail(name, f.getErrorMessage());
            failure.value().initCause(f.value());
            q.userDeferred().errback(failure);
        } else {
            q.userDeferred().callback((String) result);
        }
    }

    /**
     * Resolves {@code name} in a pool thread. The elements of {@code timeout} are summed and the
     * result is used as a timeout for the lookup; any intermediate timeout or retry logic is left
     * to the JVM's resolver.
     */
    @Override
    public Deferred<String> getHostByName(String name, List<Integer> timeout) {
        int timeoutDelay = 0;
        if (timeout == null || timeout.isEmpty()) {
            timeoutDelay = 60;
        } else {
            for (int t : timeout) {
                timeoutDelay += t;
            }
        }
        Deferred<String> userDeferred = new Deferred<>();
        Deferred<String> lookupDeferred = Threads.deferToThreadPool(
                threads, threads.getThreadPool(), () -> lookup.gethostbyname(name));
        IDelayedCall cancelCall = time.callLater(timeoutDelay, () -> cleanup(name, lookupDeferred));
        runningQueries.put(lookupDeferred, new Query(userDeferred, cancelCall));
        lookupDeferred.addBoth(r -> {
            checkTimeout(r, name, lookupDeferred);
            return null;
        });
        return userDeferred;
    }

    private static String lookup(String name) throws UnknownHostException {
        for (InetAddress a : InetAddress.getAllByName(name)) {
            if (a instanceof Inet4Address) {
                return a.getHostAddress();
            }
        }
        throw new UnknownHostException(name + " has no IPv4 address");
    }
}
