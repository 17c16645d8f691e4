package dev.twj.trial.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Finds trial test cases and runs them on the JUnit Platform, so that Maven Surefire, Gradle and
 * IDEs run them beside JUnit Jupiter tests. The Java counterpart of trial's loader and runner.
 *
 * <p>Discovery: every concrete class that extends {@link SynchronousTestCase} (other than
 * {@code SynchronousTestCase} and {@link TestCase} themselves) and has at least one test method:
 * a public, non-static, no-argument method whose name starts with {@code test}, declared or
 * inherited. No annotation is needed. Class, method, package, classpath-root, module and unique-id
 * selectors are supported, so Surefire's {@code -Dtest=SpamTests} and {@code -Dtest=SpamTests#test_eggs}
 * (a class selector plus a filter on the method source) and an IDE's "run this method" work.
 * Tests run in the order of their names, as trial's default order. A package, classpath-root or
 * module selector finds top-level classes only, as trial's loader finds only a module's top-level
 * classes: nested test cases (fixtures of tests about trial, like Twisted's {@code Mask}) run only
 * when a class or method selector names them.
 *
 * <p>Execution: each test method runs on a fresh instance ({@link SynchronousTestCase#forMethod})
 * through {@link SynchronousTestCase#run}; the outcomes it reports become one JUnit result:
 * <ul>
 *   <li>skip before running ({@code @Skip}, {@code getSkip()}): skipped, with the reason;</li>
 *   <li>{@link dev.twj.trial.unittest.SkipTest} thrown by {@code setUp} or the test: aborted
 *       (Surefire counts it as skipped), with the reason;</li>
 *   <li>failures and errors (the test, {@code setUp}, a cleanup, {@code tearDown}, a logged error
 *       not flushed): failed, with the first one, or a {@code MultipleFailuresError} holding all of
 *       them;</li>
 *   <li>expected failure of a {@code @Todo} test: successful, with a report entry {@code todo};</li>
 *   <li>unexpected success of a {@code @Todo} test: failed with {@link UnexpectedSuccess}. trial
 *       itself does not fail the run for it (Python's unittest does since 3.4); on the JUnit
 *       Platform a passing todo test would otherwise go unnoticed.</li>
 * </ul>
 *
 * <p>Registered as a {@code java.util.ServiceLoader} provider of
 * {@code org.junit.platform.engine.TestEngine}; its id is {@value #ENGINE_ID}.
 */
public final class TrialTestEngine implements TestEngine {
    /** The engine's unique id, as in {@code [engine:twj-trial]}. */
    public static final String ENGINE_ID = "twj-trial";

    static final String CLASS_SEGMENT = "class";
    static final String METHOD_SEGMENT = "method";

    /** Creates the engine; the JUnit Platform does this through the service loader. */
    public TrialTestEngine() {}

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.twj");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("twj-trial");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "twj trial");
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addClassContainerSelectorResolver(
                        type -> isTestClass(type) && !type.isMemberClass())
                .addSelectorResolver(new Resolver())
                .build()
                .resolve(request, engine);
        for (TestDescriptor child : engine.getChildren()) {
            child.orderChildren(children -> {
                List<TestDescriptor> sorted = new ArrayList<>(children);
                sorted.sort(Comparator.comparing(TestDescriptor::getDisplayName));
                return sorted;
            });
        }
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof ClassDescriptor classDescriptor) {
                classDescriptor.execute(listener);
            }
        }
        listener.executionFinished(engine, org.junit.platform.engine.TestExecutionResult.successful());
    }

    /** Returns whether trial runs {@code type}: a concrete SynchronousTestCase with test methods. */
    static boolean isTestClass(Class<?> type) {
        if (!SynchronousTestCase.class.isAssignableFrom(type)
                || type == SynchronousTestCase.class || type == TestCase.class
                || Modifier.isAbstract(type.getModifiers())
                || type.isAnonymousClass() || type.isLocalClass()
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            return false;
        }
        return !testMethodNames(type).isEmpty();
    }

    /** Returns the names of the test methods of {@code type}, sorted. */
    static Set<String> testMethodNames(Class<?> type) {
        TreeMap<String, Method> methods = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (isTestMethod(m)) {
                methods.putIfAbsent(m.getName(), m);
            }
        }
        return methods.navigableKeySet();
    }

    static boolean isTestMethod(Method m) {
        return m.getName().startsWith("test") && m.getParameterCount() == 0
                && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                && !m.isSynthetic() && !m.isBridge();
    }

    /** Resolves class, method and unique-id selectors to trial's descriptors. */
    private static final class Resolver implements SelectorResolver {
        @Override
        public Resolution resolve(ClassSelector selector, Context context) {
            Class<?> type = selector.getJavaClass();
            if (!isTestClass(type)) {
                return Resolution.unresolved();
            }
            return context.addToParent(parent -> Optional.of(classDescriptor(parent, type)))
                    .map(d -> Resolution.match(Match.exact(d, () -> {
                        Set<DiscoverySelector> children = new LinkedHashSet<>();
                        for (String name : testMethodNames(type)) {
                            children.add(selectMethod(type, name));
                        }
                        return children;
                    })))
                    .orElse(Resolution.unresolved());
        }

        @Override
        public Resolution resolve(MethodSelector selector, Context context) {
            Class<?> type = selector.getJavaClass();
            Method method;
            try {
                method = selector.getJavaMethod();
            } catch (RuntimeException e) {
                return Resolution.unresolved();
            }
            if (!isTestClass(type) || !isTestMethod(method)) {
                return Resolution.unresolved();
            }
            return context.<TestDescriptor>addToParent(() -> selectClass(type),
                            parent -> Optional.of(methodDescriptor(parent, type, method)))
                    .map(d -> Resolution.match(Match.exact(d)))
                    .orElse(Resolution.unresolved());
        }

        @Override
        public Resolution resolve(UniqueIdSelector selector, Context context) {
            UniqueId id = selector.getUniqueId();
            List<UniqueId.Segment> segments = id.getSegments();
            if (segments.isEmpty() || !segments.get(0).getValue().equals(ENGINE_ID)
                    || segments.size() < 2
                    || !segments.get(1).getType().equals(CLASS_SEGMENT)) {
                return Resolution.unresolved();
            }
            Optional<Class<?>> type = ReflectionSupport.tryToLoadClass(segments.get(1).getValue())
                    .toOptional();
            if (type.isEmpty()) {
                return Resolution.unresolved();
            }
            if (segments.size() == 2) {
                return Resolution.selectors(Set.of(selectClass(type.get())));
            }
            if (segments.size() == 3 && segments.get(2).getType().equals(METHOD_SEGMENT)) {
                return Resolution.selectors(
                        Set.of(selectMethod(type.get(), segments.get(2).getValue())));
            }
            return Resolution.unresolved();
        }

        private static TestDescriptor classDescriptor(TestDescriptor parent, Class<?> type) {
            UniqueId id = parent.getUniqueId().append(CLASS_SEGMENT, type.getName());
            Optional<? extends TestDescriptor> existing = parent.findByUniqueId(id);
            if (existing.isPresent()) {
                return existing.get();
            }
            return new ClassDescriptor(id, type.asSubclass(SynchronousTestCase.class));
        }

        private static TestDescriptor methodDescriptor(
                TestDescriptor parent, Class<?> type, Method method) {
            UniqueId id = parent.getUniqueId().append(METHOD_SEGMENT, method.getName());
            Optional<? extends TestDescriptor> existing = parent.findByUniqueId(id);
            if (existing.isPresent()) {
                return existing.get();
            }
            return new MethodDescriptor(id, type.asSubclass(SynchronousTestCase.class), method);
        }
    }
}
