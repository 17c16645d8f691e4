package dev.twj.protocols.loopback;

import dev.twj.internet.interfaces.IAddress;

/**
 * The address of both ends of a loopback connection. Port of
 * {@code twisted.protocols.loopback._LoopbackAddress}.
 */
public record LoopbackAddress() implements IAddress {
    @Override
    public String toString() {
        return "loopback";
    }
}
