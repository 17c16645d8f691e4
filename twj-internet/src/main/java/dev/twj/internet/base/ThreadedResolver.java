package dev.twj.internet.base;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.error.DNSLookupError;
import dev.twj.internet.interfaces.IResolverSimple;
import dev.twj.python.failure.Failure;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves names with the JVM's resolver ({@link InetAddress#getAllByName}) in the reactor's
 * thread pool, so lookups never block the reactor thread. Port of
 * {@code twisted.internet.base.ThreadedResolver}; as Twisted's it returns an IPv4 address.
 */
public final class ThreadedResolver implements IResolverSimple {
    private final ReactorBase reactor;

    /** Creates a resolver using {@code reactor}'s thread pool. */
    public ThreadedResolver(ReactorBase reactor) {
        this.reactor = reactor;
    }

    /**
     * Resolves {@code name} in a pool thread; fires on the reactor thread with the first IPv4
     * address, or fails with {@link DNSLookupError}.
     */
    @Override
    public Deferred<String> getHostByName(String name, List<Integer> timeout) {
        Deferred<String> d = new Deferred<>();
        reactor.callInThread(() -> {
            Object result;
            try {
                result = lookup(name);
            } catch (UnknownHostException e) {
                DNSLookupError error = new DNSLookupError("address " + name + " not found: " + e.getMessage());
                error.initCause(e);
                result = new Failure(error);
            } catch (RuntimeException e) {
                result = new Failure(e);
            }
            Object r = result;
            reactor.callFromThread(() -> {
                if (r instanceof Failure f) {
                    d.errback(f);
                } else {
                    d.callback((String) r);
                }
            });
        });
        return d;
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
