package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.connectedServerAndClient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.twj.protocols.amp.AmpFixtures.LiteralAmp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port of {@code ParsingTests}. */
class ParsingTests {
    @TempDir
    Path tmp;

    /** Verify that the Boolean parser parses 'True' and 'False', but nothing else. */
    @Test
    public void test_booleanValues() {
        BooleanArgument b = new BooleanArgument();
        assertEquals(true, b.fromString(b("True")));
        assertEquals(false, b.fromString(b("False")));
        assertThrows(IllegalArgumentException.class, () -> b.fromString(b("ninja")));
        assertThrows(IllegalArgumentException.class, () -> b.fromString(b("true")));
        assertThrows(IllegalArgumentException.class, () -> b.fromString(b("TRUE")));
        assertArrayEquals(b("True"), b.toString(true));
        assertArrayEquals(b("False"), b.toString(false));
    }

    /** Verify the 'Path' argument can parse and emit a file path. */
    @Test
    public void test_pathValueRoundTrip() throws Exception {
        Path fp = Files.createTempFile(tmp, "amp", "");
        PathArgument p = new PathArgument();
        byte[] s = p.toString(fp);
        Object v = p.fromString(s);
        assertNotSame(fp, v);
        assertEquals(fp, v);
    }

    /** Test that empty boxes raise an error; they aren't supposed to be sent on purpose. */
    @Test
    public void test_sillyEmptyThing() {
        AMP a = new AMP();
        assertThrows(NoEmptyBoxes.class, () -> a.ampBoxReceived(new AmpBox()));
    }

    /** Verify that various kinds of data make it through the encode/parse round-trip unharmed. */
    @Test
    public void test_ParsingRoundTrip() {
        var csp = connectedServerAndClient(LiteralAmp::new, LiteralAmp::new);
        LiteralAmp c = csp.c();
        LiteralAmp s = csp.s();
        String[] simple = {"simple", "test"};
        String[] ce = {"ceq", ": "};
        String[] cr = {"crtest", "test\r"};
        String[] lf = {"lftest", "hello\n"};
        String[] newline = {"newline", "test\r\none\r\ntwo"};
        String[] newline2 = {"newline2", "test\r\none\r\n two"};
        String[] bodytest = {"body", "blah\r\n\r\ntesttest"};
        List<List<String[]>> testData = List.<List<String[]>>of(
                List.<String[]>of(simple),
                List.of(simple, bodytest),
                List.of(simple, ce),
                List.of(simple, cr),
                List.of(simple, ce, cr, lf),
                List.of(ce, cr, lf),
                List.of(simple, newline, ce, newline2),
                List.of(bodytest, simple, newline));
        for (List<String[]> test : testData) {
            AmpBox jb = new AmpBox();
            for (String[] kv : test) {
                jb.put(kv[0], b(kv[1]));
            }
            jb.sendTo(c);
            csp.p().flush();
            assertEquals(jb, s.boxes.get(s.boxes.size() - 1));
        }
    }
}
