package dev.twj.protocols.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.internet.testing.StringTransport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests of the wire protocols that Twisted's {@code WireTests} leaves untested (Java-only). */
class WireBehaviourTests {
    /** Chargen registers itself as a pull producer and writes its noise each time it is asked. */
    @Test
    public void chargenWritesItsNoiseWhenAskedForMore() {
        Chargen a = new Chargen();
        StringTransport t = new StringTransport();
        a.makeConnection(t);
        assertEquals(a, t.producer);
        assertFalse(t.streaming);
        a.resumeProducing();
        a.resumeProducing();
        byte[] expected = new byte[2 * Chargen.noise.length];
        System.arraycopy(Chargen.noise, 0, expected, 0, Chargen.noise.length);
        System.arraycopy(Chargen.noise, 0, expected, Chargen.noise.length, Chargen.noise.length);
        assertArrayEquals(expected, t.value());
    }

    /** Daytime writes asctime of UTC and closes. */
    @Test
    public void daytimeWritesAsctimeAndCloses() {
        Daytime a = new Daytime() {
            @Override
            protected Instant now() {
                return Instant.parse("2026-03-05T07:08:09Z");
            }
        };
        StringTransport t = new StringTransport();
        a.makeConnection(t);
        assertEquals("Thu Mar  5 07:08:09 2026\r\n", t.valueString());
        assertTrue(t.disconnecting);
    }

    /** Time writes the Unix time as a big-endian signed 32-bit integer, as Twisted's struct.pack("!i"). */
    @Test
    public void timeWritesTheUnixTimeBigEndianAndCloses() {
        Time a = new Time() {
            @Override
            protected Instant now() {
                return Instant.ofEpochSecond(0x01020304L);
            }
        };
        StringTransport t = new StringTransport();
        a.makeConnection(t);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, t.value());
        assertTrue(t.disconnecting);
    }
}
