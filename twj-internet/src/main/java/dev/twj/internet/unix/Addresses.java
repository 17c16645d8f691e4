package dev.twj.internet.unix;

import dev.twj.internet.address.UNIXAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/** Maps the JDK's UNIX domain socket addresses to {@link UNIXAddress}. */
final class Addresses {
    private Addresses() {}

    /** An unbound socket (empty path) maps to {@code UNIXAddress(None)}, as in Twisted. */
    static UNIXAddress of(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress u) {
            String path = u.getPath().toString();
            return new UNIXAddress(path.isEmpty() ? null : path);
        }
        return new UNIXAddress(null);
    }
}
