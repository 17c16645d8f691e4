package dev.twj.trial.test;

import dev.twj.internet.base.DelayedCall;
import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IFileDescriptor;
import dev.twj.internet.interfaces.IReactorCore;
import dev.twj.internet.interfaces.IReactorFDSet;
import dev.twj.internet.interfaces.IReactorTime;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.internet.interfaces.IWriteDescriptor;
import dev.twj.python.failure.Failure;
import dev.twj.trial.itrial.IReporter;
import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.Todo;
import dev.twj.trial.util.DirtyReactorAggregateError;
import dev.twj.trial.util.Janitor;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Tests for {@link Janitor}. Port of {@code twisted.trial.test.test_util.JanitorTests}.
 *
 * <p>Not ported: {@code test_cleanReactorKillsProcesses} (twj has no process transports, and the
 * janitor kills none).
 */
final class JanitorTests extends SynchronousTestCase {
    /** A reactor stub with enough functionality to be used with the janitor. */
    static final class StubReactor implements IReactorCore, IReactorTime, IReactorFDSet {
        final List<IDelayedCall> delayedCalls;
        final List<Double> iterations = new ArrayList<>();
        int removeAllCalled;
        final List<IFileDescriptor> selectables;

        StubReactor(List<IDelayedCall> delayedCalls) {
            this(delayedCalls, List.of());
        }

        StubReactor(List<IDelayedCall> delayedCalls, List<IFileDescriptor> selectables) {
            this.delayedCalls = delayedCalls;
            this.selectables = selectables;
        }

        @Override
        public void iterate(double delay) {
            iterations.add(delay);
        }

        @Override
        public List<IDelayedCall> getDelayedCalls() {
            return delayedCalls;
        }

        @Override
        public List<IFileDescriptor> removeAll() {
            removeAllCalled++;
            return selectables;
        }

        @Override
        public boolean running() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Deferred<String> resolve(String name, List<Integer> timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void run() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stop() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void crash() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void fireSystemEvent(String eventType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object addSystemEventTrigger(String phase, String eventType, Callable<?> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeSystemEventTrigger(Object triggerID) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object callWhenRunning(Runnable callable) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double seconds() {
            return 0;
        }

        @Override
        public IDelayedCall callLater(double delay, Runnable callable) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addReader(IReadDescriptor reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addWriter(IWriteDescriptor writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeReader(IReadDescriptor reader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeWriter(IWriteDescriptor writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<IReadDescriptor> getReaders() {
            return List.of();
        }

        @Override
        public List<IWriteDescriptor> getWriters() {
            return List.of();
        }
    }

    /** A subset of IReporter which records addError calls. */
    static final class StubErrorReporter implements IReporter {
        final List<Failure> errors = new ArrayList<>();

        @Override
        public void addError(SynchronousTestCase test, Failure error) {
            errors.add(error);
        }

        @Override
        public void startTest(SynchronousTestCase test) {}

        @Override
        public void stopTest(SynchronousTestCase test) {}

        @Override
        public void addSuccess(SynchronousTestCase test) {}

        @Override
        public void addFailure(SynchronousTestCase test, Failure fail) {}

        @Override
        public void addSkip(SynchronousTestCase test, String reason) {}

        @Override
        public void addExpectedFailure(SynchronousTestCase test, Failure error, Todo todo) {}

        @Override
        public void addUnexpectedSuccess(SynchronousTestCase test, Todo todo) {}
    }

    /** A stub selectable which only has an interesting string representation. */
    static final class Selectable implements IFileDescriptor {
        @Override
        public SelectableChannel fileno() {
            return null;
        }

        @Override
        public void connectionLost(Failure reason) {}

        @Override
        public String logPrefix() {
            return "-";
        }

        @Override
        public String toString() {
            return "(SELECTABLE!)";
        }
    }

    private static DelayedCall delayedCall(List<DelayedCall> cancelled) {
        return new DelayedCall(300, () -> {}, cancelled::add, c -> {}, () -> 0);
    }

    /** During pending-call cleanup, the reactor will be spun twice with an instant timeout. */
    public void test_cleanPendingSpinsReactor() {
        StubReactor reactor = new StubReactor(List.of());
        Janitor jan = new Janitor(null, null, reactor);
        jan.cleanPending();
        assertEqual(reactor.iterations, List.of(0.0, 0.0));
    }

    /** During pending-call cleanup, the janitor cancels pending timed calls. */
    public void test_cleanPendingCancelsCalls() {
        List<DelayedCall> cancelled = new ArrayList<>();
        DelayedCall delayedCall = delayedCall(cancelled);
        StubReactor reactor = new StubReactor(List.of(delayedCall));
        Janitor jan = new Janitor(null, null, reactor);
        jan.cleanPending();
        assertEqual(cancelled, List.of(delayedCall));
    }

    /**
     * The Janitor produces string representations of delayed calls from the delayed call cleanup
     * method. It gets the string representations *before* cancelling the calls; this is important
     * because cancelling the call removes critical debugging information from the string
     * representation.
     */
    public void test_cleanPendingReturnsDelayedCallStrings() {
        DelayedCall delayedCall = delayedCall(new ArrayList<>());
        String delayedCallString = delayedCall.toString();
        StubReactor reactor = new StubReactor(List.of(delayedCall));
        Janitor jan = new Janitor(null, null, reactor);
        List<String> strings = jan.cleanPending();
        assertEqual(strings, List.of(delayedCallString));
    }

    /** The Janitor will remove selectables during reactor cleanup. */
    public void test_cleanReactorRemovesSelectables() {
        StubReactor reactor = new StubReactor(List.of());
        Janitor jan = new Janitor(null, null, reactor);
        jan.cleanReactor();
        assertEqual(reactor.removeAllCalled, 1);
    }

    /**
     * The Janitor returns string representations of the selectables that it cleaned up from the
     * reactor cleanup method.
     */
    public void test_cleanReactorReturnsSelectableStrings() {
        StubReactor reactor = new StubReactor(List.of(), List.of(new Selectable()));
        Janitor jan = new Janitor(null, null, reactor);
        assertEqual(jan.cleanReactor(), List.of("(SELECTABLE!)"));
    }

    /**
     * The post-case cleanup method will return True and not call addError on the result if there
     * are no pending calls.
     */
    public void test_postCaseCleanupNoErrors() {
        StubReactor reactor = new StubReactor(List.of());
        StubErrorReporter reporter = new StubErrorReporter();
        Janitor jan = new Janitor(this, reporter, reactor);
        assertTrue(jan.postCaseCleanup());
        assertEqual(reporter.errors, List.of());
    }

    /**
     * The post-case cleanup method will return False and call addError on the result with a
     * DirtyReactorAggregateError Failure if there are pending calls.
     */
    public void test_postCaseCleanupWithErrors() {
        DelayedCall delayedCall = delayedCall(new ArrayList<>());
        String delayedCallString = delayedCall.toString();
        StubReactor reactor = new StubReactor(List.of(delayedCall), List.of());
        StubErrorReporter reporter = new StubErrorReporter();
        Janitor jan = new Janitor(this, reporter, reactor);
        assertFalse(jan.postCaseCleanup());
        assertEqual(reporter.errors.size(), 1);
        assertEqual(((DirtyReactorAggregateError) reporter.errors.get(0).value()).delayedCalls(),
                List.of(delayedCallString));
    }

    /**
     * The post-class cleanup method will not call addError on the result if there are no pending
     * calls or selectables.
     */
    public void test_postClassCleanupNoErrors() {
        StubReactor reactor = new StubReactor(List.of());
        StubErrorReporter reporter = new StubErrorReporter();
        Janitor jan = new Janitor(this, reporter, reactor);
        jan.postClassCleanup();
        assertEqual(reporter.errors, List.of());
    }

    /**
     * The post-class cleanup method call addError on the result with a
     * DirtyReactorAggregateError Failure if there are pending calls.
     */
    public void test_postClassCleanupWithPendingCallErrors() {
        DelayedCall delayedCall = delayedCall(new ArrayList<>());
        String delayedCallString = delayedCall.toString();
        StubReactor reactor = new StubReactor(List.of(delayedCall), List.of());
        StubErrorReporter reporter = new StubErrorReporter();
        Janitor jan = new Janitor(this, reporter, reactor);
        jan.postClassCleanup();
        assertEqual(reporter.errors.size(), 1);
        assertEqual(((DirtyReactorAggregateError) reporter.errors.get(0).value()).delayedCalls(),
                List.of(delayedCallString));
    }

    /**
     * The post-class cleanup method call addError on the result with a
     * DirtyReactorAggregateError Failure if there are selectables.
     */
    public void test_postClassCleanupWithSelectableErrors() {
        Selectable selectable = new Selectable();
        StubReactor reactor = new StubReactor(List.of(), List.of(selectable));
        StubErrorReporter reporter = new StubErrorReporter();
        Janitor jan = new Janitor(this, reporter, reactor);
        jan.postClassCleanup();
        assertEqual(reporter.errors.size(), 1);
        assertEqual(((DirtyReactorAggregateError) reporter.errors.get(0).value()).selectables(),
                List.of(selectable.toString()));
    }
}
