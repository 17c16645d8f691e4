package dev.twj.internet.address;

import dev.twj.internet.interfaces.IAddress;
import java.util.Objects;

/**
 * An IPv6 socket endpoint. Port of {@code twisted.internet.address.IPv6Address}.
 *
 * @param type {@code "TCP"} or {@code "UDP"}
 * @param host the address in colon notation, e.g. {@code "::1"}
 * @param port the port number
 * @param flowInfo the IPv6 flow label
 * @param scopeID the IPv6 scope (zone) identifier, or 0
 */
public record IPv6Address(String type, String host, int port, int flowInfo, int scopeID)
        implements IAddress {
    /**
     * Creates the address.
     *
     * @throws IllegalArgumentException if {@code type} is neither TCP nor UDP
     */
    public IPv6Address {
        IPv4Address.checkType(type);
        Objects.requireNonNull(host, "host");
    }

    /** Creates an address with no flow label and no scope. */
    public IPv6Address(String type, String host, int port) {
        this(type, host, port, 0, 0);
    }

    /** Returns Twisted's repr: {@code IPv6Address(type='TCP', host='::1', port=80)}. */
    @Override
    public String toString() {
        return "IPv6Address(type='" + type + "', host='" + host + "', port=" + port + ")";
    }
}
