package dev.twj.trial.scripts;

import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.reporter.MinimalReporter;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TextReporter;
import dev.twj.trial.reporter.TimingTextReporter;
import dev.twj.trial.reporter.TreeReporter;
import dev.twj.trial.reporter.VerboseTextReporter;
import dev.twj.trial.runner.TestLoader;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code trial} command: runs the named test classes, methods or packages and reports the
 * results (by default as trial's tree). Port of {@code twisted.scripts.trial}; the launcher
 * script {@code twj-trial/bin/trial} runs it.
 *
 * <pre>
 * trial [options] [[package|TestCase|testmethod]...]
 * </pre>
 *
 * <p>Exit status, as trial's: 0 if every test passed (skips, todos and unexpected successes do
 * not count), 1 otherwise or on a usage error.
 *
 * <p>{@code -j/--jobs N} runs the tests in N child JVMs (this class with {@code --worker}, on
 * this JVM's classpath), a test class never split between two; the parent replays their events
 * into its reporter as each worker finishes, so the tree is printed per worker, not live.
 *
 * <p>Not ported yet: trial's debugging, coverage, profiling, {@code --order}, {@code --logfile} and
 * {@code --unclean-warnings} options. An unknown test name is a usage error (trial reports it as
 * an error of the run).
 */
public final class Trial {
    private Trial() {}

    /** Parsed command line options. Port of {@code twisted.scripts.trial.Options}. */
    public static final class Options {
        /** Test names, in order. */
        public final List<String> tests = new ArrayList<>();
        /** {@code --until-failure}: repeat the run until a test fails. */
        public boolean untilFailure;
        /** {@code -j/--jobs N}: number of workers (0 for none). */
        public int jobs;
        /** {@code -z/--random [SEED]}: the shuffle seed, or null for name order. */
        public Long random;
        /** {@code --reporter}: tree, verbose, text, summary or timing. */
        public String reporter = "tree";
        /** {@code -x/--exitfirst}: stop at the first failure or error. */
        public boolean exitFirst;
        /** {@code --temp-directory}: where {@code mktemp} puts files. */
        public String tempDirectory = "_trial_temp";
        /** {@code --force-gc}: collect garbage after each test, reporting unhandled errors. */
        public boolean forceGc;
        /** {@code -e/--rterrors}: print errors as they happen. */
        public boolean rterrors;
        /** {@code -h/--help}. */
        public boolean help;
        /** {@code --worker}: run as a worker of {@code -j}, writing events for the parent. */
        public boolean worker;

        /** Creates options with trial's defaults. */
        public Options() {}

        /**
         * Parses {@code args}.
         *
         * @throws UsageError on an unknown option or a bad value
         */
        public void parseOptions(String... args) {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                if (arg.startsWith("--") && arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                    arg = arg.substring(0, arg.indexOf('='));
                }
                switch (arg) {
                    case "-h", "--help" -> help = true;
                    case "--until-failure", "-u" -> untilFailure = true;
                    case "-x", "--exitfirst" -> exitFirst = true;
                    case "--force-gc" -> forceGc = true;
                    case "--worker" -> worker = true;
                    case "-e", "--rterrors" -> rterrors = true;
                    case "-j", "--jobs" -> {
                        String v = value != null ? value : next(args, ++i, arg);
                        try {
                            jobs = v.equals("auto") ? Runtime.getRuntime().availableProcessors()
                                    : Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new UsageError("Expecting integer argument to jobs, got '"
                                    + v + "'");
                        }
                        if (jobs <= 0) {
                            throw new UsageError("Argument to jobs must be a strictly"
                                    + " positive integer or 'auto'");
                        }
                    }
                    case "-z", "--random" -> {
                        String v = value;
                        if (v == null && i + 1 < args.length && args[i + 1].matches("-?\\d+")) {
                            v = args[++i];
                        }
                        long seed = 0;
                        if (v != null) {
                            try {
                                seed = Long.parseLong(v);
                            } catch (NumberFormatException e) {
                                throw new UsageError(
                                        "Argument to --random must be a positive integer");
                            }
                            if (seed < 0) {
                                throw new UsageError(
                                        "Argument to --random must be a positive integer");
                            }
                        }
                        random = seed == 0 ? System.currentTimeMillis() / 10 : seed;
                    }
                    case "--reporter" -> {
                        String v = value != null ? value : next(args, ++i, arg);
                        if (!List.of("tree", "verbose", "text", "summary", "timing").contains(v)) {
                            throw new UsageError("Unknown reporter: " + v
                                    + " (one of tree, verbose, text, summary, timing)");
                        }
                        reporter = v;
                    }
                    case "--temp-directory" -> tempDirectory =
                            value != null ? value : next(args, ++i, arg);
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageError("option " + arg + " not recognized");
                        }
                        tests.add(arg);
                    }
                }
            }
            if (untilFailure && jobs > 0) {
                throw new UsageError("You cannot specify --until-failure with --jobs");
            }
            if (exitFirst && jobs > 0) {
                // trial allows it; nothing to check.
                return;
            }
        }

        private static String next(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageError("option " + option + " requires argument");
            }
            return args[i];
        }
    }

    /** A command line that cannot be parsed: trial's {@code usage.UsageError}. */
    public static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates the error with its message. */
        public UsageError(String message) {
            super(message);
        }
    }

    /** The text of {@code --help}. */
    public static final String USAGE = """
            Usage: trial [options] [[package|TestCase|testmethod]...]

            trial loads and executes a suite of unit tests, obtained from test classes
            (pkg.SpamTests), test methods (pkg.SpamTests.test_eggs or pkg.SpamTests#test_eggs)
            and packages (every test class in them and their subpackages).
            Options:
              -x, --exitfirst          Stop the test run after the first failure or error.
              -e, --rterrors           Realtime errors, print out tracebacks as soon as they
                                       occur
              -u, --until-failure      Repeat test until it fails
                  --force-gc           Have trial run a garbage collection after each test, so
                                       that "Unhandled error in Deferred" fails the test that
                                       left it
              -z, --random [SEED]      Run tests in random order using the specified seed
                                       (0 or none: a seed from the clock)
              -j, --jobs N             Number of local workers to run (child JVMs; results
                                       are merged and reported when they finish); or auto
                  --reporter NAME      The reporter to use for this test run: tree (default),
                                       verbose, text, summary, timing
                  --temp-directory DIR Path to use as working directory for tests.
                                       [default: _trial_temp]
              -h, --help               Display this help and exit.
            """;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line, writing the report to {@code out} and usage errors to {@code err};
     * returns the exit status: 0 if the tests passed, 1 otherwise.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            args = new String[] {"--help"};
        }
        Options config = new Options();
        List<SynchronousTestCase> suite;
        try {
            config.parseOptions(args);
            if (config.help) {
                out.print(USAGE);
                return 0;
            }
            System.setProperty("twj.trial.tempDirectory", config.tempDirectory);
            if (config.forceGc) {
                System.setProperty("twj.trial.forceGc", "true");
            }
            TestLoader loader = new TestLoader();
            if (config.random != null) {
                loader.setRandom(config.random);
                out.println("Running tests shuffled with seed " + config.random + "\n");
            }
            suite = loader.loadByNames(config.tests);
        } catch (UsageError | IllegalArgumentException e) {
            err.println("trial: " + e.getMessage());
            return 1;
        }
        if (config.worker) {
            WorkerReporter worker = new WorkerReporter(out);
            for (SynchronousTestCase test : suite) {
                test.run(worker);
            }
            return 0;
        }
        Reporter result;
        if (config.jobs > 1) {
            result = makeReporter(config.reporter, out, config.rterrors);
            int status = DistTrial.run(config, suite, result, err);
            result.done();
            return status != 0 ? status : result.wasSuccessful() ? 0 : 1;
        }
        if (config.untilFailure) {
            int count = 0;
            while (true) {
                count++;
                out.print("Test Pass " + count + "\n");
                result = runOnce(config, suite, out);
                if (result.testsRun() == 0 || !result.wasSuccessful()) {
                    break;
                }
                suite = reload(suite);
            }
        } else {
            result = runOnce(config, suite, out);
        }
        return result.wasSuccessful() ? 0 : 1;
    }

    /** Returns fresh instances of the same tests, for another pass. */
    private static List<SynchronousTestCase> reload(List<SynchronousTestCase> suite) {
        List<SynchronousTestCase> fresh = new ArrayList<>();
        for (SynchronousTestCase t : suite) {
            fresh.add(SynchronousTestCase.forMethod(t.getClass(), t.methodName()));
        }
        return fresh;
    }

    /** Creates the reporter {@code name} writing to {@code out}. */
    static Reporter makeReporter(String name, PrintStream out, boolean realtime) {
        return switch (name) {
            case "verbose" -> new VerboseTextReporter(out, realtime);
            case "text" -> new TextReporter(out, realtime);
            case "summary" -> new MinimalReporter(out, realtime);
            case "timing" -> new TimingTextReporter(out, realtime);
            default -> {
                TreeReporter tree = new TreeReporter(out, realtime);
                if (out == System.out && System.console() != null
                        && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"))) {
                    tree.setColorizer(Reporter.ansiColorizer(out));
                }
                yield tree;
            }
        };
    }

    private static Reporter runOnce(Options config, List<SynchronousTestCase> suite,
            PrintStream out) {
        Reporter result = makeReporter(config.reporter, out, config.rterrors);
        ExitWrapper wrapper = new ExitWrapper(result);
        for (SynchronousTestCase test : suite) {
            if (config.exitFirst && wrapper.shouldStop) {
                break;
            }
            test.run(wrapper);
        }
        result.done();
        return result;
    }

    /** Passes everything on, and notes the first failure or error ({@code --exitfirst}). */
    private static final class ExitWrapper implements IReporter {
        private final IReporter result;
        boolean shouldStop;

        ExitWrapper(IReporter result) {
            this.result = result;
        }

        @Override
        public void startTest(SynchronousTestCase test) {
            result.startTest(test);
        }

        @Override
        public void stopTest(SynchronousTestCase test) {
            result.stopTest(test);
        }

        @Override
        public void addSuccess(SynchronousTestCase test) {
            result.addSuccess(test);
        }

        @Override
        public void addFailure(SynchronousTestCase test, Failure fail) {
            shouldStop = true;
            result.addFailure(test, fail);
        }

        @Override
        public void addError(SynchronousTestCase test, Failure error) {
            shouldStop = true;
            result.addError(test, error);
        }

        @Override
        public void addSkip(SynchronousTestCase test, String reason) {
            result.addSkip(test, reason);
        }

        @Override
        public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
            result.addExpectedFailure(test, error, todo);
        }

        @Override
        public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
            result.addUnexpectedSuccess(test, todo);
        }
    }
}
