package dev.twj.trial.reporter;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A {@link VerboseTextReporter} that also prints how long each test took. Port of
 * {@code twisted.trial.reporter.TimingTextReporter} ({@code --reporter=timing}).
 */
public class TimingTextReporter extends VerboseTextReporter {
    private long started;

    /** Creates a timing reporter writing to {@code stream}. */
    public TimingTextReporter(PrintStream stream, boolean realtime) {
        super(stream, realtime);
    }

    @Override
    public void startTest(SynchronousTestCase test) {
        started = System.nanoTime();
        super.startTest(test);
    }

    @Override
    public void stopTest(SynchronousTestCase test) {
        write(String.format(Locale.ROOT, "(%.03f secs)", (System.nanoTime() - started) / 1e9));
        super.stopTest(test);
    }
}
