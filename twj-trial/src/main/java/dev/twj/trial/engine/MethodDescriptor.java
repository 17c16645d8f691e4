package dev.twj.trial.engine;

import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.opentest4j.MultipleFailuresError;
import org.opentest4j.TestAbortedException;

/** One trial test: a test method of a test class, run on a fresh instance. */
final class MethodDescriptor extends AbstractTestDescriptor {
    private final Class<? extends SynchronousTestCase> testClass;
    private final String methodName;

    MethodDescriptor(
            UniqueId uniqueId, Class<? extends SynchronousTestCase> testClass, Method method) {
        super(uniqueId, method.getName(), MethodSource.from(testClass, method));
        this.testClass = testClass;
        this.methodName = method.getName();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    /** Runs the test and reports its outcome to {@code listener}. */
    void execute(EngineExecutionListener listener) {
        SynchronousTestCase test;
        String skip;
        try {
            test = SynchronousTestCase.forMethod(testClass, methodName);
            skip = test.getSkip();
        } catch (RuntimeException e) {
            listener.executionStarted(this);
            listener.executionFinished(this, TestExecutionResult.failed(
                    e.getCause() != null ? e.getCause() : e));
            return;
        }
        if (skip != null) {
            listener.executionSkipped(this, skip);
            return;
        }
        listener.executionStarted(this);
        Outcomes outcomes = new Outcomes();
        try {
            test.run(outcomes);
        } catch (RuntimeException | Error e) {
            outcomes.problems.add(e);
        }
        for (ReportEntry entry : outcomes.entries) {
            listener.reportingEntryPublished(this, entry);
        }
        listener.executionFinished(this, outcomes.result());
    }

    /** Collects what one test reports, and turns it into one JUnit result. */
    private static final class Outcomes implements IReporter {
        final List<Throwable> problems = new ArrayList<>();
        final List<ReportEntry> entries = new ArrayList<>();
        String skipReason;

        TestExecutionResult result() {
            if (problems.size() == 1) {
                return TestExecutionResult.failed(problems.get(0));
            }
            if (problems.size() > 1) {
                return TestExecutionResult.failed(new MultipleFailuresError(
                        problems.size() + " errors and failures in one test", problems));
            }
            if (skipReason != null) {
                return TestExecutionResult.aborted(new TestAbortedException(skipReason));
            }
            return TestExecutionResult.successful();
        }

        @Override
        public void startTest(SynchronousTestCase test) {}

        @Override
        public void stopTest(SynchronousTestCase test) {}

        @Override
        public void addSuccess(SynchronousTestCase test) {}

        @Override
        public void addFailure(SynchronousTestCase test, Failure fail) {
            problems.add(fail.value());
        }

        @Override
        public void addError(SynchronousTestCase test, Failure error) {
            problems.add(error.value());
        }

        @Override
        public void addSkip(SynchronousTestCase test, String reason) {
            skipReason = reason;
        }

        @Override
        public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {
            entries.add(ReportEntry.from("todo",
                    "expected failure (" + todo.value() + "): " + error.value()));
        }

        @Override
        public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {
            problems.add(new UnexpectedSuccess(
                    test.id() + " is marked @Todo(\"" + todo.value() + "\") but passed"));
        }
    }
}
