package dev.twj.trial.reporter;

import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A {@link VerboseTextReporter} that also prints how long each test took, on the line after the
 * test's. Port of
 * {@code twisted.trial.reporter.TimingTextReporter} ({@code --reporter=timing}).
 */
public class TimingTextReporter extends VerboseTextReporter {
    /** Creates a timing reporter writing to {@code stream}. */
    public TimingTextReporter(PrintStream stream, boolean realtime) {
        super(stream, realtime);
    }

    /** Ends the test's line, then writes the time it took on a line of its own. */
    @Override
    public void stopTest(SynchronousTestCase test) {
        super.stopTest(test);
        write(String.format(Locale.ROOT, "(%.03f secs)\n", lastTime));
    }
}
