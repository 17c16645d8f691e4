package dev.twj.internet.interfaces;

import dev.twj.internet.protocol.DatagramProtocol;

/**
 * A reactor that sends and receives UDP datagrams. Port of
 * {@code twisted.internet.interfaces.IReactorUDP}.
 */
public interface IReactorUDP {
    /**
     * Connects {@code protocol} to the datagram port {@code port}.
     *
     * @param port a port number; 0 picks a free one
     * @param interface_ the local address to bind, {@code ""} for all
     * @param maxPacketSize the largest datagram to read
     * @throws RuntimeException {@code CannotListenError} if the port cannot be bound
     */
    IListeningPort listenUDP(
            int port, DatagramProtocol protocol, String interface_, int maxPacketSize);
}
