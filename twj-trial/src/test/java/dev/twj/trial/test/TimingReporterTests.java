package dev.twj.trial.test;

import dev.twj.trial.reporter.TestResult;
import dev.twj.trial.reporter.TimingTextReporter;
import java.io.PrintStream;

/**
 * The tests of {@link ReporterTests}, for {@link TimingTextReporter}. Port of
 * {@code twisted.trial.test.test_reporter.TimingReporterTests}.
 */
final class TimingReporterTests extends ReporterTests {
    @Override
    TestResult resultFactory(PrintStream out) {
        return new TimingTextReporter(out, false) {
            @Override
            protected double getTime() {
                return TimingReporterTests.this.getTime();
            }
        };
    }

}
