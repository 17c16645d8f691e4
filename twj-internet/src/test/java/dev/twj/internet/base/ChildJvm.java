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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
