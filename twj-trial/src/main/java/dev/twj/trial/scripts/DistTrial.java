package dev.twj.trial.scripts;

import dev.twj.python.failure.Failure;
import dev.twj.trial.reporter.Reporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs tests in worker JVMs and replays their results into one reporter: the {@code -j} of
 * {@link Trial}, a simpler relative of trial's {@code _dist.disttrial.DistTrialRunner}.
 */
final class DistTrial {
    private DistTrial() {}

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

    /**
     * Runs {@code suite} in {@code config.jobs} workers, a class never split, and replays every
     * event into {@code result}. Returns 0, or 1 if a worker could not be run.
     */
    static int run(Trial.Options config, List<SynchronousTestCase> suite, Reporter result,
            PrintStream err) {
        Map<Class<?>, List<SynchronousTestCase>> byClass = new LinkedHashMap<>();
        for (SynchronousTestCase t : suite) {
            byClass.computeIfAbsent(t.getClass(), k -> new ArrayList<>()).add(t);
        }
        int n = Math.min(config.jobs, Math.max(1, byClass.size()));
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        int i = 0;
        for (List<SynchronousTestCase> tests : byClass.values()) {
            for (SynchronousTestCase t : tests) {
                groups.get(i % n).add(t.getClass().getName() + "#" + t.methodName());
            }
            i++;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> workers = new ArrayList<>();
        try {
            for (int w = 0; w < n; w++) {
                List<String> cmd = new ArrayList<>(List.of(java, "-Xss1m",
                        "-cp", System.getProperty("java.class.path"),
                        Trial.class.getName(), "--worker",
                        "--temp-directory", Path.of(config.tempDirectory, String.valueOf(w))
                                .toString()));
                if (config.forceGc) {
                    cmd.add("--force-gc");
                }
                cmd.addAll(groups.get(w));
                workers.add(new ProcessBuilder(cmd)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (Process p : workers) {
                replay(p, result);
                p.waitFor();
            }
        } catch (IOException e) {
            err.println("trial: cannot run a worker: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
    }

    private static void replay(Process p, Reporter result) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            SynchronousTestCase test = null;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith(WorkerReporter.MARK + "\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String text = new String(Base64.getDecoder().decode(f[4]),
                        StandardCharsets.UTF_8);
                if (f[1].equals("start")) {
                    try {
                        test = SynchronousTestCase.forMethod(Class.forName(f[2])
                                .asSubclass(SynchronousTestCase.class), f[3]);
                    } catch (ClassNotFoundException e) {
                        throw new IOException("worker ran an unknown class " + f[2], e);
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
                    case "failure" -> result.addFailure(test,
                            new Failure(new WorkerFailure(text)));
                    case "error" -> result.addError(test, new Failure(new WorkerFailure(text)));
                    case "skip" -> result.addSkip(test, text);
                    case "expectedFailure" -> result.addExpectedFailure(test,
                            new Failure(new WorkerFailure(text)), todo);
                    case "unexpectedSuccess" -> result.addUnexpectedSuccess(test, todo);
                    default -> { }
                }
            }
        }
    }
}
