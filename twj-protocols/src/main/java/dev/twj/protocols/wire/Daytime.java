package dev.twj.protocols.wire;

import dev.twj.internet.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Sends back the daytime in ASCII form (RFC 867), as C's {@code asctime} of UTC, then closes.
 * Port of {@code wire.Daytime}.
 */
public class Daytime extends Protocol {
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Creates the protocol. */
    public Daytime() {}

    /** Returns the current time; tests override it. */
    protected Instant now() {
        return Instant.now();
    }

    @Override
    public void connectionMade() {
        transport.write((ASCTIME.format(now()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        transport.loseConnection();
    }
}
