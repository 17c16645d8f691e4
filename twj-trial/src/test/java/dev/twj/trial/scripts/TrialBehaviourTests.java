package dev.twj.trial.scripts;

import dev.twj.trial.unittest.Skip;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Java-only tests of the {@code trial} command line: output, selection and exit status. */
final class TrialBehaviourTests extends SynchronousTestCase {
    /** What the samples ran, in order. */
    static final List<String> ran = new ArrayList<>();

    /** One test of each outcome. */
    static final class Sample extends SynchronousTestCase {
        public void test_a_pass() {
            ran.add("a");
        }

        public void test_b_fail() {
            ran.add("b");
            fail("deliberate");
        }

        public void test_c_error() {
            ran.add("c");
            throw new IllegalStateException("deliberate error");
        }

        @Skip("not today")
        public void test_d_skip() {}

        @Todo("later")
        public void test_e_todo() {
            ran.add("e");
            fail("expected");
        }
    }

    /** Only passing tests. */
    static final class Passing extends SynchronousTestCase {
        public void test_one() {
            ran.add("one");
        }

        public void test_two() {
            ran.add("two");
        }
    }

    /** Passes twice, then fails. */
    static final class FailsOnThirdRun extends SynchronousTestCase {
        public void test_flaky() {
            ran.add("run");
            if (ran.size() == 3) {
                fail("third time");
            }
        }
    }

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    void setUp() {
        ran.clear();
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
    }

    private int trial(String... args) {
        if (args.length > 0 && !args[0].startsWith("--help")) {
            List<String> all = new ArrayList<>(List.of("--temp-directory", mktemp()));
            all.addAll(List.of(args));
            args = all.toArray(new String[0]);
        }
        return Trial.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String line(String left, String status) {
        return left + " ".repeat(79 - left.length() - status.length()) + status + "\n";
    }

    /** The tree reporter shows each test with its status, then the errors and the summary. */
    public void test_treeOutputAndExitStatus() {
        int status = trial(Sample.class.getName());
        assertEqual(status, 1);
        String o = output();
        assertTrue(o.startsWith("dev.twj.trial.scripts\n  TrialBehaviourTests$Sample\n"
                + line("    test_a_pass ... ", "[OK]")
                + line("    test_b_fail ... ", "[FAIL]")
                + line("    test_c_error ... ", "[ERROR]")
                + line("    test_d_skip ... ", "[SKIPPED]")
                + line("    test_e_todo ... ", "[TODO]")), o);
        assertIn("\n[SKIPPED]\nnot today\n\n" + Sample.class.getName() + ".test_d_skip\n", o);
        assertIn("\n[FAIL]\n", o);
        assertIn("deliberate error", o);
        assertTrue(o.endsWith(
                "\nFAILED (skips=1, expectedFailures=1, failures=1, errors=1, successes=1)\n"), o);
    }

    /** A run with only passing tests exits 0 and says PASSED. */
    public void test_passedExitsZero() {
        assertEqual(trial(Passing.class.getName()), 0);
        assertTrue(output().endsWith("\nPASSED (successes=2)\n"), output());
    }

    /** A method name selects one test, with a dot or a hash. */
    public void test_selectMethod() {
        assertEqual(trial(Passing.class.getName() + ".test_two"), 0);
        assertEqual(trial(Passing.class.getName() + "#test_one"), 0);
        assertEqual(ran, List.of("two", "one"));
    }

    /** An unknown name is a usage error: status 1, message on stderr. */
    public void test_unknownName() {
        assertEqual(trial("no.such.Thing"), 1);
        assertIn("no.such.Thing", err.toString(StandardCharsets.UTF_8));
    }

    /** --help prints the usage and exits 0; no argument means --help. */
    public void test_help() {
        assertEqual(trial("--help"), 0);
        assertTrue(output().startsWith("Usage: trial [options]"), output());
        out.reset();
        assertEqual(trial(), 0);
        assertTrue(output().startsWith("Usage: trial [options]"), output());
    }

    /** --exitfirst stops after the first failure. */
    public void test_exitfirst() {
        assertEqual(trial("--exitfirst", Sample.class.getName()), 1);
        assertEqual(ran, List.of("a", "b"));
    }

    /** --random shuffles reproducibly for a seed and says so. */
    public void test_random() {
        trial("--random", "7", Passing.class.getName(), Sample.class.getName());
        List<String> first = new ArrayList<>(ran);
        assertTrue(output().startsWith("Running tests shuffled with seed 7\n"), output());
        ran.clear();
        trial("-z", "7", Passing.class.getName(), Sample.class.getName());
        assertEqual(ran, first);
    }

    /** --until-failure repeats the run until a test fails, numbering the passes. */
    public void test_untilFailure() {
        assertEqual(trial("--until-failure", FailsOnThirdRun.class.getName()), 1);
        assertEqual(ran, List.of("run", "run", "run"));
        String o = output();
        assertTrue(o.startsWith("Test Pass 1\n"), o);
        assertIn("\nTest Pass 3\n", o);
        assertNotIn("Test Pass 4", o);
    }

    /** --reporter=bwverbose prints one line per test with its id. */
    public void test_verboseReporter() {
        trial("--reporter=bwverbose", Passing.class.getName());
        assertTrue(output().startsWith(Passing.class.getName() + ".test_one ... [OK]\n"
                + Passing.class.getName() + ".test_two ... [OK]\n"), output());
    }

    /** --reporter text prints one character per test. */
    public void test_textReporter() {
        trial("--reporter", "text", Sample.class.getName());
        assertTrue(output().startsWith(".FEST\n"), output());
    }

    /** -j 2 runs the tests in two worker JVMs and merges their results into one report. */
    public void test_jobs() {
        assertEqual(trial("-j", "2", Sample.class.getName(), Passing.class.getName()), 1);
        String o = output();
        assertIn(line("    test_b_fail ... ", "[FAIL]"), o);
        assertIn(line("    test_two ... ", "[OK]"), o);
        assertIn("deliberate error", o);
        assertTrue(o.endsWith(
                "\nFAILED (skips=1, expectedFailures=1, failures=1, errors=1, successes=3)\n"), o);
        assertEqual(ran, List.of());
    }

    /** --dry-run reports every test as passed without running any. */
    public void test_dryRun() {
        assertEqual(trial("--dry-run", Sample.class.getName()), 0);
        assertEqual(ran, List.of());
        assertIn(line("    test_b_fail ... ", "[OK]"), output());
        assertTrue(output().endsWith("\nPASSED (successes=5)\n"), output());
    }

    /** -N loads a package without its subpackages. */
    public void test_noRecurse() {
        trial("-n", "--reporter=bwverbose", "dev.twj.trial.test");
        assertIn(".ordertests.", output());
        out.reset();
        trial("-n", "--reporter=bwverbose", "-N", "dev.twj.trial.test");
        assertIn("dev.twj.trial.test.SkipTests.test_success ... [OK]", output());
        assertNotIn(".ordertests.", output());
    }

    /** --logfile - writes the log to the report's stream. */
    public void test_logfileStdout() {
        trial("--logfile", "-", LogfileTests.LogSomething.class.getName());
        assertTrue(output().matches("(?s).*\\[[^\\]]*LogSomething#info\\] something\n.*"),
                output());
    }

    /** --help lists every option trial parses, and each of them parses. */
    public void test_helpListsEveryOption() {
        List<String> options = List.of("-B", "--debug-stacktraces", "-N", "--no-recurse", "-b",
                "--debug", "-e", "--rterrors", "--force-gc", "-h", "--help", "--help-orders",
                "--help-reporters", "-j", "--jobs=", "-l", "--logfile=", "-n", "--dry-run", "-o",
                "--order=", "--reporter=", "--temp-directory=", "-u", "--until-failure", "-x",
                "--exitfirst", "-z", "--random=");
        for (String option : options) {
            assertIn(option, Trial.USAGE);
        }
        Trial.Options config = new Trial.Options();
        config.parseOptions("-B", "-N", "-e", "--force-gc", "-h", "--help-orders",
                "--help-reporters", "-l", "log.txt", "-n", "-o", "toptobottom",
                "--reporter", "text", "--temp-directory", "t", "-u", "-x");
        assertEqual(List.of(config.debugStacktraces, config.noRecurse, config.rterrors,
                config.forceGc, config.help, config.helpOrders, config.helpReporters,
                config.dryRun, config.untilFailure, config.exitFirst), List.of(true, true, true,
                true, true, true, true, true, true, true));
        assertEqual(List.of(config.logfile, config.order, config.reporter, config.tempDirectory),
                List.of("log.txt", "toptobottom", "text", "t"));
    }

    /** --help-reporters lists every reporter with its description. */
    public void test_helpReporters() {
        assertEqual(trial("--help-reporters"), 0);
        for (var reporter : Trial.REPORTERS.entrySet()) {
            assertIn("    " + reporter.getKey() + " \t " + reporter.getValue() + "\n", output());
        }
    }

    /** --debug is refused with a hint, as a usage error. */
    public void test_debugRefused() {
        assertEqual(trial("--debug", Passing.class.getName()), 1);
        assertIn("agentlib:jdwp", err.toString(StandardCharsets.UTF_8));
        assertEqual(ran, List.of());
    }
}
