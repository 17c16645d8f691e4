package dev.twj.trial.scripts;

import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reporter that keeps a log of the start, stop and success of each test. Port of
 * {@code twisted.trial.test.test_runner.CapturingReporter}.
 */
final class CapturingReporter extends TestResult {
    /** The calls, in order: "startTest", "addSuccess", "stopTest". */
    final List<String> calls = new ArrayList<>();

    /** Creates a capturing reporter; it writes nothing to {@code stream}. */
    CapturingReporter(PrintStream stream, boolean realtime) {}

    @Override
    public void startTest(SynchronousTestCase test) {
        super.startTest(test);
        calls.add("startTest");
    }

    @Override
    public void stopTest(SynchronousTestCase test) {
        super.stopTest(test);
        calls.add("stopTest");
    }

    @Override
    public void addSuccess(SynchronousTestCase test) {
        super.addSuccess(test);
        calls.add("addSuccess");
    }
}
