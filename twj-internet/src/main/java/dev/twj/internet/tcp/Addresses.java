package dev.twj.internet.tcp;

import com.google.common.net.InetAddresses;
import dev.twj.internet.address.IPv4Address;
import dev.twj.internet.address.IPv6Address;
import dev.twj.internet.interfaces.IAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Converts socket addresses to Twisted's address records. */
final class Addresses {
    private Addresses() {}

    /** Returns the IPv4Address or IPv6Address ("TCP") of {@code address}. */
    static IAddress of(SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        InetAddress ip = inet.getAddress();
        if (ip instanceof Inet6Address v6) {
            String host = InetAddresses.toAddrString(ip);
            int percent = host.indexOf('%');
            if (percent >= 0) {
                host = host.substring(0, percent);
            }
            return new IPv6Address("TCP", host, inet.getPort(), 0, v6.getScopeId());
        }
        return new IPv4Address("TCP", ip.getHostAddress(), inet.getPort());
    }

    /**
     * Converts the addresses of accepted connections, sharing what consecutive connections have
     * in common: the local address record when it is the same, and the peer's host string when
     * its IPv4 address is the same ({@link InetAddress#getHostAddress} builds a new string each
     * time). Records are immutable, so a shared one behaves as a copy. Used on one thread.
     */
    static final class Cache {
        private SocketAddress lastLocal;
        private IAddress lastLocalRecord;
        private InetAddress lastPeerIp;
        private String lastPeerHost;

        /** Returns {@link #of} {@code address}, the previous record if the address is equal. */
        IAddress local(SocketAddress address) {
            if (lastLocalRecord != null && address.equals(lastLocal)
                    && ((InetSocketAddress) address).getAddress() instanceof Inet4Address) {
                return lastLocalRecord;
            }
            IAddress record = of(address);
            lastLocal = address;
            lastLocalRecord = record;
            return record;
        }

        /** Returns {@link #of} {@code address}, reusing the host string of the previous peer's IPv4 address. */
        IAddress peer(SocketAddress address) {
            InetSocketAddress inet = (InetSocketAddress) address;
            InetAddress ip = inet.getAddress();
            if (ip instanceof Inet4Address) {
                if (!ip.equals(lastPeerIp)) {
                    lastPeerIp = ip;
                    lastPeerHost = ip.getHostAddress();
                }
                return new IPv4Address("TCP", lastPeerHost, inet.getPort());
            }
            return of(address);
        }
    }

    /** Returns the socket address of an IPv4Address or IPv6Address. */
    static InetSocketAddress toSocketAddress(IAddress address) {
        if (address instanceof IPv4Address a) {
            return new InetSocketAddress(InetAddresses.forString(a.host()), a.port());
        }
        if (address instanceof IPv6Address a) {
            return new InetSocketAddress(InetAddresses.forString(a.host()), a.port());
        }
        throw new IllegalArgumentException("not an IPv4Address or IPv6Address: " + address);
    }

    /** Returns the host of an IPv4Address or IPv6Address. */
    static String hostOf(IAddress address) {
        return address instanceof IPv4Address a ? a.host() : ((IPv6Address) address).host();
    }

    /** Returns the port of an IPv4Address or IPv6Address. */
    static int portOf(IAddress address) {
        return address instanceof IPv4Address a ? a.port() : ((IPv6Address) address).port();
    }
}
