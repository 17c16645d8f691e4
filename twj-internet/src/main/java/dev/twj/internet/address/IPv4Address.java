package dev.twj.internet.address;

import dev.twj.internet.interfaces.IAddress;
import java.util.Objects;

/**
 * An IPv4 socket endpoint. Port of {@code twisted.internet.address.IPv4Address}.
 *
 * @param type {@code "TCP"} or {@code "UDP"}
 * @param host the address as a dotted quad, e.g. {@code "127.0.0.1"}
 * @param port the port number
 */
public record IPv4Address(String type, String host, int port) implements IAddress {
    /**
     * Creates the address.
     *
     * @throws IllegalArgumentException if {@code type} is neither TCP nor UDP
     */
    public IPv4Address {
        checkType(type);
        Objects.requireNonNull(host, "host");
    }

    static void checkType(String type) {
        if (!"TCP".equals(type) && !"UDP".equals(type)) {
            throw new IllegalArgumentException("type must be \"TCP\" or \"UDP\": " + type);
        }
    }

    /** Returns Twisted's repr: {@code IPv4Address(type='TCP', host='127.0.0.1', port=80)}. */
    @Override
    public String toString() {
        return "IPv4Address(type='" + type + "', host='" + host + "', port=" + port + ")";
    }
}
