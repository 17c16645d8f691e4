package dev.twj.protocols.wire;

import dev.twj.internet.protocol.Protocol;

/** As soon as any data is received, writes it back (RFC 862). Port of {@code wire.Echo}. */
public class Echo extends Protocol {
    /** Creates the protocol. */
    public Echo() {}

    @Override
    public void dataReceived(byte[] data) {
        transport.write(data);
    }
}
