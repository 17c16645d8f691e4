package dev.twj.trial.scripts;

import dev.twj.internet.defer.Defer;
import dev.twj.trial.reporter.MinimalReporter;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.reporter.TextReporter;
import dev.twj.trial.reporter.TimingTextReporter;
import dev.twj.trial.reporter.TreeReporter;
import dev.twj.trial.reporter.VerboseTextReporter;
import dev.twj.trial.runner.TestLoader;
import dev.twj.trial.runner.TrialRunner;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

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
 * this JVM's classpath), a test class never split between two; the parent reports each test as
 * soon as a worker has finished it, as trial's disttrial does.
 *
 * <p>Not ported: trial's debugger ({@code --debug}, {@code --debugger}, {@code --nopm}: start the
 * JVM with a JDWP agent instead), coverage, profiling, {@code --spew}, {@code --tbformat},
 * {@code --recursionlimit}, {@code --disablegc}, {@code --reactor}, {@code --testmodule},
 * {@code --without-module} and {@code --version}. An unknown test
 * name is a usage error (trial reports it as an error of the run).
 */
public final class Trial {
    private Trial() {}

    /** The reporters of {@code --reporter}, with their descriptions, as trial's plugins. */
    public static final Map<String, String> REPORTERS = reporters();

    private static Map<String, String> reporters() {
        Map<String, String> reporters = new LinkedHashMap<>();
        reporters.put("verbose", "verbose color output (default reporter)");
        reporters.put("bwverbose", "Colorless verbose output");
        reporters.put("summary", "minimal summary output");
        reporters.put("text", "terse text output");
        reporters.put("timing", "Timing output");
        return Collections.unmodifiableMap(reporters);
    }

    /** Parsed command line options. Port of {@code twisted.scripts.trial.Options}. */
    public static final class Options {
        /** Test names, in order. */
        public final List<String> tests = new ArrayList<>();
        /** {@code -u/--until-failure}: repeat the run until a test fails. */
        public boolean untilFailure;
        /** {@code -j/--jobs N}: number of workers (0 for none). */
        public int jobs;
        /** {@code -z/--random SEED}: the shuffle seed, or null for name order. */
        public Long random;
        /** {@code -o/--order}: one of {@link TestLoader#RUN_ORDERS}, or null. */
        public String order;
        /**
         * {@code --reporter}: verbose (the tree, default), bwverbose, text, summary or timing;
         * {@code tree} is accepted for verbose.
         */
        public String reporter = "verbose";
        /** {@code -x/--exitfirst}: stop at the first failure or error. */
        public boolean exitFirst;
        /** {@code --temp-directory}: trial's working directory, where {@code mktemp} puts files. */
        public String tempDirectory = "_trial_temp";
        /** {@code -l/--logfile}: the log file, relative to the temp directory; "-" for stdout. */
        public String logfile = "test.log";
        /** {@code --force-gc}: collect garbage before and after each test. */
        public boolean forceGc;
        /** {@code -e/--rterrors}: print errors as they happen. */
        public boolean rterrors;
        /** {@code --unclean-warnings}: dirty reactor errors are warnings instead. */
        public boolean uncleanWarnings;
        /** {@code -n/--dry-run}: report every test as passed without running it. */
        public boolean dryRun;
        /** {@code -N/--no-recurse}: a package does not include its subpackages. */
        public boolean noRecurse;
        /** {@code -B/--debug-stacktraces}: Deferreds record where they were made and fired. */
        public boolean debugStacktraces;
        /** {@code -b/--debug}: parsed only to be refused (no debugger in the JVM's reach). */
        public boolean debug;
        /** {@code -h/--help}. */
        public boolean help;
        /** {@code --help-orders}. */
        public boolean helpOrders;
        /** {@code --help-reporters}. */
        public boolean helpReporters;
        /** {@code --worker}: run as a worker of {@code -j}, writing events for the parent. */
        public boolean worker;

        /** Creates options with trial's defaults. */
        public Options() {}

        /**
         * Parses {@code args}, then checks them together ({@link #postOptions}).
         *
         * @throws UsageError on an unknown option, a bad value or options that conflict
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
                    case "--help-orders" -> helpOrders = true;
                    case "--help-reporters" -> helpReporters = true;
                    case "--until-failure", "-u" -> untilFailure = true;
                    case "-x", "--exitfirst" -> exitFirst = true;
                    case "--force-gc" -> forceGc = true;
                    case "--worker" -> worker = true;
                    case "-e", "--rterrors" -> rterrors = true;
                    case "-n", "--dry-run" -> dryRun = true;
                    case "--unclean-warnings" -> uncleanWarnings = true;
                    case "-N", "--no-recurse" -> noRecurse = true;
                    case "-B", "--debug-stacktraces" -> debugStacktraces = true;
                    case "-b", "--debug" -> debug = true;
                    case "-j", "--jobs" -> {
                        String v = value != null ? value : next(args, ++i, arg);
                        try {
                            jobs = v.equals("auto") ? autoJobs() : Integer.parseInt(v);
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
                    case "-o", "--order" -> {
                        String v = value != null ? value : next(args, ++i, arg);
                        if (!TestLoader.RUN_ORDERS.containsKey(v)) {
                            List<String> names = new ArrayList<>();
                            for (String name : TestLoader.RUN_ORDERS.keySet()) {
                                names.add("'" + name + "'");
                            }
                            throw new UsageError("--order must be one of: "
                                    + String.join(", ", names) + ". See --help-orders for details");
                        }
                        order = v;
                    }
                    case "--reporter" -> {
                        String v = value != null ? value : next(args, ++i, arg);
                        if (!REPORTERS.containsKey(v) && !v.equals("tree")) {
                            throw new UsageError("Only pass names of Reporter plugins to"
                                    + " --reporter. See --help-reporters for more info.");
                        }
                        reporter = v.equals("tree") ? "verbose" : v;
                    }
                    case "--temp-directory" -> tempDirectory =
                            value != null ? value : next(args, ++i, arg);
                    case "-l", "--logfile" -> logfile =
                            value != null ? value : next(args, ++i, arg);
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageError("option " + arg + " not recognized");
                        }
                        tests.add(arg);
                    }
                }
            }
            postOptions();
        }

        /**
         * Checks the options together: {@code --order} and {@code --random} exclude each other,
         * {@code --jobs} excludes the debugging options; {@code --debug} itself is refused.
         *
         * @throws UsageError if they conflict
         */
        public void postOptions() {
            if (order != null && random != null) {
                throw new UsageError("You can't specify --random when using --order");
            }
            if (jobs > 0) {
                if (debug) {
                    throw new UsageError("You can't specify --debug when using --jobs");
                }
                if (debugStacktraces) {
                    throw new UsageError(
                            "You can't specify --debug-stacktraces when using --jobs");
                }
            }
            if (debug) {
                throw new UsageError("--debug is not supported: start the JVM under a debugger"
                        + " (java -agentlib:jdwp=transport=dt_socket,server=y,address=5005 ...)");
            }
        }

        /** Returns the options a worker of {@code -j} is given: trial's {@code _getWorkerArguments}. */
        public List<String> getWorkerArguments() {
            List<String> args = new ArrayList<>();
            if (forceGc) {
                args.add("--force-gc");
            }
            if (uncleanWarnings) {
                // The worker turns them into warnings: its errors reach the parent as text.
                args.add("--unclean-warnings");
            }
            return args;
        }

        private static String next(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageError("option " + option + " requires argument");
            }
            return args[i];
        }
    }

    /** Returns how many workers {@code -j auto} runs: the processors this JVM may use. */
    static int autoJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
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
            Options:
              -B, --debug-stacktraces  Report Deferred creation and callback stack traces
              -N, --no-recurse         Don't recurse into packages
              -b, --debug              Not supported: start the JVM with a JDWP agent and
                                       attach a debugger instead.
              -e, --rterrors           realtime errors, print out tracebacks as soon as they
                                       occur
                  --force-gc           Have Trial run a garbage collection before and after
                                       each test case, so that an "Unhandled error in
                                       Deferred" fails the test that left it.
              -h, --help               Display this help and exit.
                  --help-orders        Help on available test running orders
                  --help-reporters     Help on available output plugins (reporters)
              -j, --jobs=              Number of local workers to run (child JVMs), a
                                       strictly positive integer or 'auto'.
              -l, --logfile=           log file name, relative to the temp directory; '-'
                                       for stdout [default: test.log]
              -n, --dry-run            do everything but run the tests
              -o, --order=             Specify what order to run test cases and methods. See
                                       --help-orders for more info.
                  --reporter=          The reporter to use for this test run.  See
                                       --help-reporters for more info. [default: verbose]
                  --temp-directory=    Path to use as working directory for tests. [default:
                                       _trial_temp]
              -u, --until-failure      Repeat test until it fails
                  --unclean-warnings   Turn dirty reactor errors into warnings
              -x, --exitfirst          Exit after the first non-successful result.
              -z, --random=            Run tests in random order using the specified seed
                                       (0 or none: a seed from the clock)

            trial loads and executes a suite of unit tests, obtained from test classes
            (pkg.SpamTests), test methods (pkg.SpamTests.test_eggs or pkg.SpamTests#test_eggs)
            and packages (every test class in them and their subpackages) listed on the
            command line.
            """;

    /** The text of {@code --help-orders}. */
    static String helpOrders() {
        StringBuilder b = new StringBuilder("Trial can attempt to run test cases and their"
                + " methods in a few different orders. You can select any of the following"
                + " options using --order=<foo>.\n\n");
        for (Map.Entry<String, String> e : new TreeMap<>(TestLoader.RUN_ORDERS).entrySet()) {
            b.append("    ").append(e.getKey()).append(" \t ").append(e.getValue()).append('\n');
        }
        return b.toString();
    }

    /** The text of {@code --help-reporters}. */
    static String helpReporters() {
        StringBuilder b = new StringBuilder("Trial's output can be customized using plugins"
                + " called Reporters. You can\nselect any of the following reporters using"
                + " --reporter=<foo>\n\n");
        for (Map.Entry<String, String> e : REPORTERS.entrySet()) {
            b.append("    ").append(e.getKey()).append(" \t ").append(e.getValue()).append('\n');
        }
        return b.toString();
    }

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
        TrialRunner trialRunner;
        try {
            config.parseOptions(args);
            if (config.help) {
                out.print(USAGE);
                return 0;
            }
            if (config.helpOrders) {
                out.print(helpOrders());
                return 0;
            }
            if (config.helpReporters) {
                out.print(helpReporters());
                return 0;
            }
            if (config.debugStacktraces) {
                Defer.setDebugging(true);
            }
            trialRunner = makeRunner(config, out);
            suite = getSuite(config, out);
        } catch (UsageError | IllegalArgumentException e) {
            err.println("trial: " + e.getMessage());
            return 1;
        }
        TestResult result;
        try {
            result = config.untilFailure ? trialRunner.runUntilFailure(suite)
                    : trialRunner.run(suite);
        } catch (TrialRunner.WorkingDirectoryBusy e) {
            err.println("trial: " + e.getMessage());
            return 1;
        }
        return result.wasSuccessful() ? 0 : 1;
    }

    /** Loads the tests {@code config} names: trial's {@code _getSuite}. */
    static List<SynchronousTestCase> getSuite(Options config, PrintStream out) {
        return getLoader(config, out).loadByNames(config.tests, !config.noRecurse);
    }

    /**
     * Returns the loader {@code config} asks for: shuffling with {@code --random} (and saying so
     * on {@code out}), or in the {@code --order}. Trial's {@code _getLoader}.
     */
    static TestLoader getLoader(Options config, PrintStream out) {
        TestLoader loader = new TestLoader();
        if (config.random != null) {
            loader.setRandom(config.random);
            out.print("Running tests shuffled with seed " + config.random + "\n\n");
            out.flush();
        } else if (config.order != null) {
            loader.setOrder(config.order);
        }
        return loader;
    }

    /**
     * Returns the runner {@code config} asks for: a {@link TrialRunner} in
     * {@link TrialRunner#DRY_RUN} mode for {@code --dry-run} (even with {@code --jobs}), a
     * {@link DistTrialRunner} for {@code --jobs}, else a plain one; trial's
     * {@code _makeRunner}. A {@code --worker} gets a runner reporting to its parent.
     */
    static TrialRunner makeRunner(Options config, PrintStream out) {
        BiFunction<PrintStream, Boolean, ? extends TestResult> factory = config.worker
                ? (stream, realtime) -> new WorkerReporter(stream)
                : reporterFactory(config.reporter);
        TrialRunner runner;
        if (config.dryRun) {
            runner = new TrialRunner(factory, TrialRunner.DRY_RUN, out);
        } else if (config.jobs > 0 && !config.worker) {
            runner = new DistTrialRunner(factory, config.jobs, config.getWorkerArguments());
            runner.stream = out;
        } else {
            runner = new TrialRunner(factory);
            runner.stream = out;
            runner.forceGarbageCollection = config.forceGc;
        }
        runner.realTimeErrors = config.rterrors;
        runner.logfile = config.logfile;
        runner.workingDirectory = config.tempDirectory;
        runner.exitFirst = config.exitFirst;
        runner.uncleanWarnings = config.uncleanWarnings;
        return runner;
    }

    /** Returns the factory of the reporter {@code name} (one of {@link #REPORTERS}). */
    static BiFunction<PrintStream, Boolean, Reporter> reporterFactory(String name) {
        return (out, realtime) -> makeReporter(name, out, realtime);
    }

    /** Creates the reporter {@code name} writing to {@code out}. */
    static Reporter makeReporter(String name, PrintStream out, boolean realtime) {
        return switch (name) {
            case "bwverbose" -> new VerboseTextReporter(out, realtime);
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
}
