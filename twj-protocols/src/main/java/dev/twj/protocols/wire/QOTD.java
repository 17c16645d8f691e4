package dev.twj.protocols.wire;

import dev.twj.internet.protocol.Protocol;
import java.nio.charset.StandardCharsets;

/** Returns a quote of the day (RFC 865), then closes. Port of {@code wire.QOTD}. */
public class QOTD extends Protocol {
    /** Creates the protocol. */
    public QOTD() {}

    @Override
    public void connectionMade() {
        transport.write(getQuote());
        transport.loseConnection();
    }

    /** Returns a quote; override to change it. */
    public byte[] getQuote() {
        return "An apple a day keeps the doctor away.\r\n".getBytes(StandardCharsets.US_ASCII);
    }
}
