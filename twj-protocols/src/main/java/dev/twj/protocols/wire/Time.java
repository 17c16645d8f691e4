package dev.twj.protocols.wire;

import dev.twj.internet.protocol.Protocol;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Sends back the time in machine-readable form (RFC 868), then closes. Port of
 * {@code wire.Time}, byte for byte: like Twisted's, it sends the Unix time (not RFC 868's
 * seconds since 1900) as a signed big-endian 32-bit integer.
 */
public class Time extends Protocol {
    /** Creates the protocol. */
    public Time() {}

    /** Returns the current time; tests override it. */
    protected Instant now() {
        return Instant.now();
    }

    @Override
    public void connectionMade() {
        transport.write(ByteBuffer.allocate(4).putInt((int) now().getEpochSecond()).array());
        transport.loseConnection();
    }
}
