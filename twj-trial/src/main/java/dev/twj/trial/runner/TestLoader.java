package dev.twj.trial.runner;

import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds tests by name: a class ({@code pkg.SpamTests}), a method ({@code pkg.SpamTests.test_eggs}
 * or {@code pkg.SpamTests#test_eggs}) or a package (every top-level test class in it and its
 * subpackages). Port of {@code twisted.trial.runner.TestLoader}, with the discovery rules of the
 * JUnit engine: a concrete {@link SynchronousTestCase} subclass with public no-argument
 * {@code test*} methods.
 *
 * <p>Tests come in trial's default order, sorted by name; {@link #setRandom} shuffles classes and
 * their methods instead, reproducibly for a seed ({@code --random}).
 */
public final class TestLoader {
    private Random random;

    /** Creates a loader that sorts tests by name. */
    public TestLoader() {}

    /** Shuffles tests with {@code seed} instead of sorting them. */
    public void setRandom(long seed) {
        random = new Random(seed);
    }

    /** Returns whether trial runs {@code type}: a concrete test case with test methods. */
    public static boolean isTestCase(Class<?> type) {
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
    public static List<String> testMethodNames(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.getName().startsWith("test") && m.getParameterCount() == 0
                    && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                names.add(m.getName());
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Loads the tests each of {@code names} stands for, without duplicates, in order.
     *
     * @throws IllegalArgumentException if a name is no test class, method or package
     */
    public List<SynchronousTestCase> loadByNames(List<String> names) {
        List<SynchronousTestCase> tests = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String name : names) {
            for (SynchronousTestCase t : loadByName(name)) {
                if (!seen.contains(t.id())) {
                    seen.add(t.id());
                    tests.add(t);
                }
            }
        }
        return tests;
    }

    /**
     * Loads the tests {@code name} stands for.
     *
     * @throws IllegalArgumentException if it is no test class, method or package
     */
    public List<SynchronousTestCase> loadByName(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = tryLoad(name, loader);
        if (type != null) {
            if (!isTestCase(type)) {
                throw new IllegalArgumentException(name + " is not a trial test case");
            }
            return loadClass(type);
        }
        int sep = name.indexOf('#') >= 0 ? name.indexOf('#') : name.lastIndexOf('.');
        if (sep > 0) {
            type = tryLoad(name.substring(0, sep), loader);
            String method = name.substring(sep + 1);
            if (type != null && isTestCase(type) && testMethodNames(type).contains(method)) {
                return List.of(SynchronousTestCase.forMethod(
                        type.asSubclass(SynchronousTestCase.class), method));
            }
        }
        List<Class<?>> classes = new ArrayList<>(ReflectionSupport.findAllClassesInPackage(
                name, c -> !c.isMemberClass() && isTestCase(c), n -> true));
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no test class, method or package named " + name);
        }
        order(classes, Comparator.comparing(Class::getName));
        List<SynchronousTestCase> tests = new ArrayList<>();
        for (Class<?> c : classes) {
            tests.addAll(loadClass(c));
        }
        return tests;
    }

    private List<SynchronousTestCase> loadClass(Class<?> type) {
        List<String> methods = testMethodNames(type);
        order(methods, Comparator.naturalOrder());
        List<SynchronousTestCase> tests = new ArrayList<>();
        for (String m : methods) {
            tests.add(SynchronousTestCase.forMethod(type.asSubclass(SynchronousTestCase.class), m));
        }
        return tests;
    }

    private <T> void order(List<T> items, Comparator<? super T> byName) {
        items.sort(byName);
        if (random != null) {
            Collections.shuffle(items, random);
        }
    }

    private static Class<?> tryLoad(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
