package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.b;
import static dev.twj.protocols.amp.AmpTestSupport.connectedServerAndClient;

import dev.twj.protocols.amp.AmpFixtures.LiteralAmp;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Port of {@code ParsingTests}. */
class ParsingTests extends SynchronousTestCase {
    /** Verify that the Boolean parser parses 'True' and 'False', but nothing else. */
    public void test_booleanValues() {
        BooleanArgument b = new BooleanArgument();
        assertEqual(b.fromString(b("True")), true);
        assertEqual(b.fromString(b("False")), false);
        assertRaises(IllegalArgumentException.class, () -> b.fromString(b("ninja")));
        assertRaises(IllegalArgumentException.class, () -> b.fromString(b("true")));
        assertRaises(IllegalArgumentException.class, () -> b.fromString(b("TRUE")));
        assertEqual(b.toString(true), b("True"));
        assertEqual(b.toString(false), b("False"));
    }

    /** Verify the 'Path' argument can parse and emit a file path. */
    public void test_pathValueRoundTrip() throws Exception {
        Path fp = Path.of(mktemp());
        Files.createDirectories(fp.getParent());
        Files.createFile(fp);
        PathArgument p = new PathArgument();
        byte[] s = p.toString(fp);
        Object v = p.fromString(s);
        assertIsNot(v, fp);
        assertEqual(v, fp);
    }

    /** Test that empty boxes raise an error; they aren't supposed to be sent on purpose. */
    public void test_sillyEmptyThing() {
        AMP a = new AMP();
        assertRaises(NoEmptyBoxes.class, () -> a.ampBoxReceived(new AmpBox()));
    }

    /** Verify that various kinds of data make it through the encode/parse round-trip unharmed. */
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
            assertEqual(s.boxes.get(s.boxes.size() - 1), jb);
        }
    }
}
