package dev.twj.protocols.wire;

import dev.twj.internet.protocol.Protocol;
import java.nio.charset.StandardCharsets;

/** Returns the list of active users (RFC 866), then closes. Port of {@code wire.Who}. */
public class Who extends Protocol {
    /** Creates the protocol. */
    public Who() {}

    @Override
    public void connectionMade() {
        transport.write(getUsers());
        transport.loseConnection();
    }

    /** Returns the active users; override to change them. */
    public byte[] getUsers() {
        return "root\r\n".getBytes(StandardCharsets.US_ASCII);
    }
}
