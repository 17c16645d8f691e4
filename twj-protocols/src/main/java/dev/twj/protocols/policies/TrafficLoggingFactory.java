package dev.twj.protocols.policies;

import dev.twj.internet.interfaces.IAddress;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.interfaces.IProtocolFactory;
import dev.twj.internet.protocol.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A wrapping factory that logs the traffic of each connection to a file of its own,
 * {@code logfilePrefix + "-" + n}. Port of
 * {@code twisted.protocols.policies.TrafficLoggingFactory}.
 */
public class TrafficLoggingFactory extends WrappingFactory {
    /** The start of each log file's name. */
    public final String logfilePrefix;

    /** The longest chunk logged in full, or null for no limit. */
    public final Integer lengthLimit;

    int counter;

    /** Creates a factory logging every chunk in full. */
    public TrafficLoggingFactory(IProtocolFactory wrappedFactory, String logfilePrefix) {
        this(wrappedFactory, logfilePrefix, null);
    }

    /** Creates a factory logging chunks of up to {@code lengthLimit} bytes (null: no limit). */
    public TrafficLoggingFactory(IProtocolFactory wrappedFactory, String logfilePrefix, Integer lengthLimit) {
        super(wrappedFactory);
        this.logfilePrefix = logfilePrefix;
        this.lengthLimit = lengthLimit;
    }

    /**
     * Opens the log file {@code name} for writing (UTF-8, truncated). Override to log elsewhere.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public Writer open(String name) {
        try {
            return Files.newBufferedWriter(Path.of(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the next log file and wraps the protocol in a {@link TrafficLoggingProtocol}. */
    @Override
    public Protocol buildProtocol(IAddress addr) {
        counter++;
        Writer logfile = open(logfilePrefix + "-" + counter);
        IProtocol wrapped = wrappedFactory.buildProtocol(addr);
        return new TrafficLoggingProtocol(this, wrapped, logfile, lengthLimit, counter);
    }

    /** Returns the number of the last connection: Twisted's {@code _counter}. */
    public int counter() {
        return counter;
    }

    /** Resets the value of the counter used to identify connections. */
    public void resetCounter() {
        counter = 0;
    }
}
