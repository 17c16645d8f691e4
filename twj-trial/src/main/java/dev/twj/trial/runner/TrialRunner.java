package dev.twj.trial.runner;

import dev.twj.logger.Format;
import dev.twj.logger.Global;
import dev.twj.logger.ILogObserver;
import dev.twj.logger.LogPublisher;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.reporter.ExitWrapper;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.reporter.UncleanWarningsReporterWrapper;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Runs a list of tests into a reporter, as the {@code trial} command does: in a fresh, locked
 * working directory, with the global log written to a file there, and then prints the report.
 * Port of {@code twisted.trial.runner.TrialRunner}.
 *
 * <p>For each run:
 * <ol>
 *   <li>the working directory ({@code _trial_temp} by default) is locked, emptied (if trial made
 *       it: it holds a {@code _trial_marker} file) and made anew. If another run holds it, the
 *       default one becomes {@code _trial_temp-1}, {@code _trial_temp-2} ...; an explicit one
 *       raises {@link WorkingDirectoryBusy}. Java cannot change the working directory of a
 *       process, so the tests run where the JVM started and {@link SynchronousTestCase#mktemp}
 *       puts its files in the working directory instead (system property
 *       {@code twj.trial.tempDirectory} during the run);</li>
 *   <li>every event of the global log publisher is appended to {@link #logfile}, relative to the
 *       working directory ({@code test.log}; {@code "-"} for the report's stream), and the
 *       {@link Global#systemLoggerObserver()} is taken off the publisher meanwhile, as trial's
 *       log replaces the default one;</li>
 *   <li>each test runs unless the result asks to stop ({@link ExitWrapper}, {@link
 *       TestResult#stop}); with {@link #forceGarbageCollection} each test collects garbage
 *       before and after it runs (system property {@code twj.trial.forceGc} during the run);</li>
 *   <li>{@link TestResult#done} prints the report.</li>
 * </ol>
 * In {@link #DRY_RUN} mode none of this happens: each test is reported as started, successful and
 * stopped, without running.
 *
 * <p>An extension point only for the {@code -j} runner of {@code trial}, which overrides
 * {@link #runTests}.
 *
 * <p>Not ported: the {@code DEBUG} mode (a JVM is debugged by starting it with a JDWP agent),
 * profiling and tracebacks formats.
 */
public class TrialRunner {
    /** The mode that reports every test as a success without running it ({@code --dry-run}). */
    public static final String DRY_RUN = "dry-run";

    /** Makes the reporter of a run from its stream and whether errors are printed at once. */
    public BiFunction<PrintStream, Boolean, ? extends TestResult> reporterFactory;
    /** Null for a normal run, or {@link #DRY_RUN}. */
    public String mode;
    /** The log file, relative to the working directory; "-" for {@link #stream}. */
    public String logfile = "test.log";
    /** Where the report goes. */
    public PrintStream stream = System.out;
    /** Whether errors are printed as they happen ({@code --rterrors}). */
    public boolean realTimeErrors;
    /** The working directory's path ({@code --temp-directory}). */
    public String workingDirectory = "_trial_temp";
    /** Whether to collect garbage before and after each test ({@code --force-gc}). */
    public boolean forceGarbageCollection;
    /** Whether to stop after the first failure or error ({@code --exitfirst}). */
    public boolean exitFirst;
    /** Whether dirty reactor errors are warnings instead ({@code --unclean-warnings}). */
    public boolean uncleanWarnings;

    /** The default working directory; only it gets a numbered sibling when busy. */
    static final String DEFAULT_WORKING_DIRECTORY = "_trial_temp";

    /** Creates a runner making its reporters with {@code reporterFactory}. */
    public TrialRunner(BiFunction<PrintStream, Boolean, ? extends TestResult> reporterFactory) {
        this.reporterFactory = reporterFactory;
    }

    /** Creates a runner in {@code mode} writing its report to {@code stream}. */
    public TrialRunner(BiFunction<PrintStream, Boolean, ? extends TestResult> reporterFactory,
            String mode, PrintStream stream) {
        this(reporterFactory);
        this.mode = mode;
        this.stream = stream;
    }

    /** The working directory is in use by another run: trial's {@code _WorkingDirectoryBusy}. */
    public static final class WorkingDirectoryBusy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkingDirectoryBusy(String path) {
            super("working directory " + path + " is in use by another trial run");
        }
    }

    /**
     * Returns what the tests of a run report to: a new reporter, wrapped in an
     * {@link ExitWrapper} if {@link #exitFirst}, then in an
     * {@link UncleanWarningsReporterWrapper} if {@link #uncleanWarnings}. Trial's
     * {@code _makeResult}.
     */
    public IReporter makeResult() {
        return wrap(reporterFactory.apply(stream, realTimeErrors));
    }

    private IReporter wrap(TestResult reporter) {
        IReporter result = exitFirst ? new ExitWrapper(reporter) : reporter;
        return uncleanWarnings ? new UncleanWarningsReporterWrapper(result) : result;
    }

    /** Returns whether {@code result}, or a reporter it wraps, asks the run to stop. */
    static boolean shouldStop(IReporter result) {
        IReporter r = result;
        while (true) {
            if (r instanceof TestResult t) {
                return t.shouldStop;
            } else if (r instanceof ExitWrapper w) {
                if (w.shouldStop) {
                    return true;
                }
                r = w.originalReporter();
            } else if (r instanceof UncleanWarningsReporterWrapper u) {
                r = u.originalReporter();
            } else {
                return false;
            }
        }
    }

    /** Runs {@code tests} and returns the reporter, after its {@link TestResult#done}. */
    @SuppressWarnings("try") // the log file is open while the tests run, and only then
    public TestResult run(List<? extends SynchronousTestCase> tests) {
        TestResult reporter = reporterFactory.apply(stream, realTimeErrors);
        IReporter result = wrap(reporter);
        if (DRY_RUN.equals(mode)) {
            for (SynchronousTestCase single : tests) {
                result.startTest(single);
                result.addSuccess(single);
                result.stopTest(single);
            }
        } else {
            try (TestDirectory dir = testDirectory(workingDirectory);
                    LogFile log = logFile(dir.path, logfile)) {
                String oldTemp = System.setProperty("twj.trial.tempDirectory",
                        dir.path.toString());
                String oldGc = System.setProperty("twj.trial.forceGc",
                        String.valueOf(forceGarbageCollection));
                try {
                    runTests(tests, result, reporter, dir.path);
                } finally {
                    restore("twj.trial.tempDirectory", oldTemp);
                    restore("twj.trial.forceGc", oldGc);
                }
            }
        }
        reporter.done();
        return reporter;
    }

    /**
     * Runs the tests into {@code result} in the locked working {@code directory}, one after the
     * other until one of them asks to stop. The {@code -j} runner overrides it to run them in
     * worker JVMs.
     *
     * @param reporter the reporter {@code result} wraps, or is
     */
    protected void runTests(List<? extends SynchronousTestCase> tests, IReporter result,
            TestResult reporter, Path directory) {
        for (SynchronousTestCase test : tests) {
            if (shouldStop(result)) {
                break;
            }
            test.run(result);
        }
    }

    /**
     * Runs {@code tests} again and again until a run fails (or runs nothing), writing
     * "Test Pass N" before each; returns the last reporter. Each pass runs fresh instances of the
     * tests. Trial's {@code runUntilFailure}.
     */
    public TestResult runUntilFailure(List<? extends SynchronousTestCase> tests) {
        int count = 0;
        List<? extends SynchronousTestCase> suite = tests;
        while (true) {
            count++;
            stream.print("Test Pass " + count + "\n");
            stream.flush();
            TestResult result = run(suite);
            if (result.testsRun() == 0 || !result.wasSuccessful()) {
                return result;
            }
            List<SynchronousTestCase> fresh = new ArrayList<>();
            for (SynchronousTestCase t : suite) {
                fresh.add(SynchronousTestCase.forMethod(t.getClass(), t.methodName()));
            }
            suite = fresh;
        }
    }

    private static void restore(String key, String old) {
        if (old == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, old);
        }
    }

    /** A locked working directory; closing releases the lock. */
    static final class TestDirectory implements AutoCloseable {
        final Path path;
        private final FileChannel channel;
        private final FileLock lock;

        TestDirectory(Path path, FileChannel channel, FileLock lock) {
            this.path = path;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Finds, locks and makes anew a working directory named like {@code workingDirectory}:
     * trial's {@code _unusedTestDirectory}.
     *
     * @throws WorkingDirectoryBusy if an explicitly named directory is locked by another run
     */
    static TestDirectory testDirectory(String workingDirectory) {
        Path base = Path.of(workingDirectory).toAbsolutePath().normalize();
        try {
            for (int counter = 0; ; counter++) {
                Path testdir = counter == 0 ? base
                        : base.resolveSibling(base.getFileName() + "-" + counter);
                Files.createDirectories(testdir.getParent());
                Path lockPath = testdir.resolveSibling(testdir.getFileName() + ".lock");
                FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    if (base.getFileName().toString().equals(DEFAULT_WORKING_DIRECTORY)) {
                        continue;
                    }
                    throw new WorkingDirectoryBusy(testdir.toString());
                }
                if (Files.isRegularFile(testdir.resolve("_trial_marker"))) {
                    removeTree(testdir);
                }
                Files.createDirectories(testdir);
                Files.write(testdir.resolve("_trial_marker"), new byte[0]);
                return new TestDirectory(testdir, channel, lock);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The run's log observer; closing removes it and puts the system logger observer back. */
    final class LogFile implements AutoCloseable {
        private final LogPublisher publisher = Global.globalLogPublisher();
        private final Writer file;
        private final ILogObserver observer;
        private final boolean hadSystemLogger;

        LogFile(Path path) throws IOException {
            if (path == null) {
                file = null;
            } else {
                Files.createDirectories(path.toAbsolutePath().getParent());
                file = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            observer = this::emit;
            hadSystemLogger = publisher.observers().contains(Global.systemLoggerObserver());
            publisher.addObserver(observer);
            if (hadSystemLogger) {
                publisher.removeObserver(Global.systemLoggerObserver());
            }
        }

        private synchronized void emit(Map<String, Object> event) {
            String text = Format.formatEventAsClassicLogText(event);
            if (text == null) {
                return;
            }
            try {
                if (file == null) {
                    stream.print(text);
                    stream.flush();
                } else {
                    file.write(text);
                    file.flush();
                }
            } catch (IOException e) {
                // A log that cannot be written must not fail the tests.
            }
        }

        @Override
        public void close() {
            publisher.removeObserver(observer);
            if (hadSystemLogger) {
                publisher.addObserver(Global.systemLoggerObserver());
            }
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Opens the log: {@code "-"} for the report's stream, else a path under the directory. */
    LogFile logFile(Path directory, String name) {
        try {
            return new LogFile(name.equals("-") ? null : directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "TrialRunner{" + (mode == null ? "" : mode + ", ") + "workingDirectory="
                + workingDirectory + ", logfile=" + logfile + "}";
    }
}
