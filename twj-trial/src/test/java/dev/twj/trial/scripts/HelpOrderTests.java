package dev.twj.trial.scripts;

import dev.twj.trial.runner.TestLoader;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** Tests for the --help-orders flag. Port of {@code twisted.trial.test.test_script.HelpOrderTests}. */
final class HelpOrderTests extends SynchronousTestCase {
    /** --help-orders prints each of the available orders and then exits. */
    public void test_help_ordersPrintsSynopsisAndQuits() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = Trial.run(new String[] {"--help-orders"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertEqual(code, 0);
        String output = stdout.toString(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> order : TestLoader.RUN_ORDERS.entrySet()) {
            assertTrue(Pattern.compile(Pattern.quote(order.getKey()) + ".*"
                    + Pattern.quote(order.getValue())).matcher(output).find(),
                    order.getKey() + " with its description not properly described in " + output);
        }
    }
}
