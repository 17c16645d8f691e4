package dev.twj.internet;

import com.google.common.net.InetAddresses;

/**
 * The address predicates of {@code twisted.internet.abstract}: module functions, as static
 * methods of a class named after the module.
 */
public final class Abstract {
    private Abstract() {}

    /**
     * Returns true if {@code addr} is an IPv6 address literal, with an optional {@code %scope}
     * suffix, as Twisted's {@code isIPv6Address}. No name lookup is done.
     */
    public static boolean isIPv6Address(String addr) {
        if (addr == null || addr.indexOf(':') < 0) {
            return false;
        }
        int percent = addr.indexOf('%');
        String literal = percent >= 0 ? addr.substring(0, percent) : addr;
        if (percent >= 0 && percent == addr.length() - 1) {
            return false;
        }
        return InetAddresses.isInetAddress(literal);
    }

    /** Returns true if {@code addr} is a dotted-quad IPv4 address, as Twisted's {@code isIPAddress}. */
    public static boolean isIPAddress(String addr) {
        return addr != null && addr.indexOf(':') < 0 && InetAddresses.isInetAddress(addr);
    }
}
