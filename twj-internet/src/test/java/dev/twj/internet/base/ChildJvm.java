package dev.twj.internet.base;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a child JVM running a main class of the test classpath, for tests of whole processes. */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * Starts {@code java -cp <this JVM's classpath> main args...} with this JVM's {@code java};
     * its standard error (log output) goes to this JVM's.
     */
    public static Process start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(defaultSignals());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> defaultSignals;

    /**
     * The command prefix that starts a child with SIGINT and SIGTERM at their default disposition:
     * {@code env --default-signal=INT,TERM} where GNU env has it, else nothing.
     *
     * <p>A process started in the background by a non-interactive shell (a CI script run with
     * {@code &}, say) has SIGINT ignored, its children inherit that, and a JVM started with SIGINT
     * ignored never installs its own handler: {@code kill -INT} would then do nothing, and a test
     * of what SIGINT does would hang. Resetting the disposition in the child makes such tests
     * test the JVM, not the way the build was started.
     */
    public static synchronized List<String> defaultSignals() {
        if (defaultSignals == null) {
            List<String> prefix = List.of("/usr/bin/env", "--default-signal=INT,TERM");
            List<String> probe = new ArrayList<>(prefix);
            probe.add("true");
            boolean works;
            try {
                works = new ProcessBuilder(probe).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
            } catch (IOException e) {
                works = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                works = false;
            }
            defaultSignals = works ? prefix : List.of();
        }
        return defaultSignals;
    }
}
