package dev.twj.internet.interfaces;

import dev.twj.internet.defer.Deferred;
import java.util.List;

/**
 * Resolves host names to addresses. Port of {@code twisted.internet.interfaces.IResolverSimple}.
 */
public interface IResolverSimple {
    /**
     * Resolves the domain name {@code name} into an IP address.
     *
     * @param timeout the retry timeouts in seconds; empty for the resolver's default
     * @return a Deferred firing with the address as a string, or failing with
     *     {@code DNSLookupError}
     */
    Deferred<String> getHostByName(String name, List<Integer> timeout);
}
