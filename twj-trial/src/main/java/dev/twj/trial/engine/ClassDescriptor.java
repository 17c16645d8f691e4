package dev.twj.trial.engine;

import dev.twj.trial.unittest.SynchronousTestCase;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A trial test class: a container of its test methods. */
final class ClassDescriptor extends AbstractTestDescriptor {
    private final Class<? extends SynchronousTestCase> testClass;

    ClassDescriptor(UniqueId uniqueId, Class<? extends SynchronousTestCase> testClass) {
        super(uniqueId, displayName(testClass), ClassSource.from(testClass));
        this.testClass = testClass;
    }

    private static String displayName(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.isEmpty() ? type.getName() : type.getName().substring(pkg.length() + 1);
    }

    Class<? extends SynchronousTestCase> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /**
     * The class's binary name, as Jupiter reports a test class: Surefire's XML reports name a
     * test's class by it, so that classes of the same simple name in two packages stay apart.
     */
    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }

    /** Runs every test method of the class, one after the other, in descriptor order. */
    void execute(EngineExecutionListener listener) {
        listener.executionStarted(this);
        for (TestDescriptor child : getChildren()) {
            if (child instanceof MethodDescriptor method) {
                method.execute(listener);
            }
        }
        listener.executionFinished(this, TestExecutionResult.successful());
    }
}
