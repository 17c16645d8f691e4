package dev.twj.internet.address;

import dev.twj.internet.interfaces.IAddress;

/**
 * A UNIX-domain socket address: the socket file's path, or null for an unbound socket. Port of
 * {@code twisted.internet.address.UNIXAddress}.
 *
 * @param name the socket file's path, or null
 */
public record UNIXAddress(String name) implements IAddress {
    /** Returns Twisted's repr: {@code UNIXAddress('/tmp/sock')}. */
    @Override
    public String toString() {
        return name == null ? "UNIXAddress(None)" : "UNIXAddress('" + name + "')";
    }
}
