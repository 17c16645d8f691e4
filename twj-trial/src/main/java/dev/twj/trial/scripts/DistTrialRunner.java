package dev.twj.trial.scripts;

import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.runner.TrialRunner;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;

/**
 * Runs tests in worker JVMs and reports each test as soon as a worker has finished it: the
 * {@code -j} of {@link Trial}, a simpler relative of trial's
 * {@code _dist.disttrial.DistTrialRunner}.
 *
 * <p>Each worker runs {@link Trial} with {@code --worker} on this JVM's classpath, in its own
 * working directory {@code <temp-directory>/<n>} (where its {@code test.log} goes; its standard
 * error goes to {@code err.log} and whatever its tests print to {@code out.log} there). A test
 * class is never split between two workers. As trial's {@code DistReporter}, the events of one
 * test are replayed into the reporter together when the test stops, so the tree of the report is
 * never torn by two tests running at once.
 */
final class DistTrialRunner extends TrialRunner {
    /** How many workers to run at most. */
    final int maxWorkers;
    /** The options every worker is given (as {@code --force-gc}). */
    final List<String> workerArguments;

    DistTrialRunner(BiFunction<PrintStream, Boolean, ? extends TestResult> reporterFactory,
            int maxWorkers, List<String> workerArguments) {
        super(reporterFactory);
        this.maxWorkers = maxWorkers;
        this.workerArguments = List.copyOf(workerArguments);
    }

    /** The error of a test that failed in a worker, carrying the worker's traceback text. */
    static final class WorkerFailure extends RuntimeException
            implements Reporter.RemoteTraceback {
        private static final long serialVersionUID = 1L;

        private final String traceback;

        WorkerFailure(String traceback) {
            super(traceback.lines().findFirst().orElse(""));
            this.traceback = traceback;
        }

        /** Returns the traceback as the worker formatted it. */
        @Override
        public String traceback() {
            return traceback;
        }
    }

    /** The events of one test, from start to stop; or, without events, the end of a worker. */
    private record TestEvents(List<String[]> events, String workerError) {}

    /**
     * Runs {@code tests} in at most {@link #maxWorkers} workers, a class never split, and
     * replays the events of each test into {@code result} as soon as the test has stopped.
     */
    @Override
    protected void runTests(List<? extends SynchronousTestCase> tests, IReporter result,
            TestResult reporter, Path directory) {
        Map<Class<?>, List<SynchronousTestCase>> byClass = new LinkedHashMap<>();
        for (SynchronousTestCase t : tests) {
            byClass.computeIfAbsent(t.getClass(), k -> new ArrayList<>()).add(t);
        }
        int n = Math.min(maxWorkers, Math.max(1, byClass.size()));
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        int i = 0;
        for (List<SynchronousTestCase> classTests : byClass.values()) {
            for (SynchronousTestCase t : classTests) {
                groups.get(i % n).add(t.getClass().getName() + "#" + t.methodName());
            }
            i++;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        BlockingQueue<TestEvents> queue = new LinkedBlockingQueue<>();
        List<Process> workers = new ArrayList<>();
        try {
            for (int w = 0; w < n; w++) {
                if (groups.get(w).isEmpty()) {
                    continue;
                }
                Path dir = directory.resolve(String.valueOf(w));
                Files.createDirectories(dir);
                List<String> cmd = new ArrayList<>(List.of(java, "-Xss1m",
                        "-cp", System.getProperty("java.class.path"),
                        Trial.class.getName(), "--worker", "--temp-directory", dir.toString(),
                        "--logfile", logfile));
                cmd.addAll(workerArguments);
                cmd.addAll(groups.get(w));
                Process p = new ProcessBuilder(cmd)
                        .redirectError(dir.resolve("err.log").toFile()).start();
                workers.add(p);
                Thread reader = new Thread(() -> read(p, dir.resolve("out.log"), queue),
                        "trial-worker-" + w);
                reader.setDaemon(true);
                reader.start();
            }
            int running = workers.size();
            while (running > 0) {
                TestEvents next = queue.take();
                if (next.events() == null) {
                    running--;
                    if (next.workerError() != null) {
                        stream.print("trial: " + next.workerError() + "\n");
                        stream.flush();
                    }
                    continue;
                }
                replay(next.events(), result);
            }
            for (Process p : workers) {
                p.waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a worker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (Process p : workers) {
                p.destroy();
            }
        }
    }

    /**
     * Reads a worker's output, queueing the events of each test when it stops and copying other
     * lines to {@code outLog}; queues the worker's end last.
     */
    private static void read(Process p, Path outLog, BlockingQueue<TestEvents> queue) {
        String error = null;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(outLog, StandardCharsets.UTF_8)) {
            String line;
            List<String[]> current = new ArrayList<>();
            while ((line = in.readLine()) != null) {
                if (!line.startsWith(WorkerReporter.MARK + "\t")) {
                    out.write(line + "\n");
                    out.flush();
                    continue;
                }
                String[] f = line.split("\t", -1);
                current.add(f);
                if (f[1].equals("stop")) {
                    queue.add(new TestEvents(current, null));
                    current = new ArrayList<>();
                }
            }
            if (!current.isEmpty()) {
                queue.add(new TestEvents(current, null));
                error = "a worker ended in the middle of a test; see " + outLog.getParent();
            }
        } catch (IOException e) {
            error = "cannot read a worker: " + e;
        } finally {
            queue.add(new TestEvents(null, error));
        }
    }

    /** Replays the events of one test into {@code result}. */
    private static void replay(List<String[]> events, IReporter result) {
        SynchronousTestCase test = null;
        for (String[] f : events) {
            String text = new String(Base64.getDecoder().decode(f[4]), StandardCharsets.UTF_8);
            if (f[1].equals("start")) {
                try {
                    test = SynchronousTestCase.forMethod(Class.forName(f[2])
                            .asSubclass(SynchronousTestCase.class), f[3]);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("worker ran an unknown class " + f[2], e);
                }
                result.startTest(test);
                continue;
            }
            if (test == null) {
                continue;
            }
            Todo todo = test.getTodo();
            switch (f[1]) {
                case "stop" -> result.stopTest(test);
                case "success" -> result.addSuccess(test);
                case "failure" -> result.addFailure(test, new Failure(new WorkerFailure(text)));
                case "error" -> result.addError(test, new Failure(new WorkerFailure(text)));
                case "skip" -> result.addSkip(test, text);
                case "expectedFailure" -> result.addExpectedFailure(test,
                        new Failure(new WorkerFailure(text)), todo);
                case "unexpectedSuccess" -> result.addUnexpectedSuccess(test, todo);
                default -> { }
            }
        }
    }

    @Override
    public String toString() {
        return "DistTrialRunner{maxWorkers=" + maxWorkers + ", workerArguments="
                + workerArguments + "}";
    }
}
