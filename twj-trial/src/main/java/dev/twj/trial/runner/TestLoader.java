package dev.twj.trial.runner;

import dev.twj.trial.unittest.SynchronousTestCase;
import dev.twj.trial.unittest.TestCase;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * their methods instead, reproducibly for a seed ({@code --random}); {@link #setOrder} picks one
 * of {@link #RUN_ORDERS} ({@code --order}).
 */
public final class TestLoader {
    /**
     * The orders {@code --order} accepts, with their descriptions: trial's {@code _runOrders}.
     * {@code toptobottom} reads the order of the methods from the class file, where javac keeps
     * the order of the source; a package's classes, each a module of its own, come alphabetically
     * as trial's modules do. Methods a test class inherits come after its own, nearest
     * superclass first.
     */
    public static final Map<String, String> RUN_ORDERS = orders();

    private static Map<String, String> orders() {
        Map<String, String> orders = new LinkedHashMap<>();
        orders.put("alphabetical",
                "alphabetical order for test methods, arbitrary order for test cases");
        orders.put("toptobottom",
                "attempt to run test cases and methods in the order they were defined");
        return java.util.Collections.unmodifiableMap(orders);
    }

    private Random random;
    private String order = "alphabetical";

    /** Creates a loader that sorts tests by name. */
    public TestLoader() {}

    /** Shuffles tests with {@code seed} instead of sorting them. */
    public void setRandom(long seed) {
        random = new Random(seed);
    }

    /**
     * Orders tests by {@code order}, one of {@link #RUN_ORDERS}.
     *
     * @throws IllegalArgumentException for another name
     */
    public void setOrder(String order) {
        if (!RUN_ORDERS.containsKey(order)) {
            throw new IllegalArgumentException("unknown order " + order);
        }
        this.order = order;
    }

    /** Returns the name of the order of the tests: alphabetical unless {@link #setOrder}. */
    public String order() {
        return order;
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
        return loadByNames(names, true);
    }

    /**
     * Loads the tests each of {@code names} stands for, without duplicates, in order; a package
     * includes its subpackages only if {@code recurse} ({@code -N/--no-recurse} turns it off).
     *
     * @throws IllegalArgumentException if a name is no test class, method or package
     */
    public List<SynchronousTestCase> loadByNames(List<String> names, boolean recurse) {
        List<SynchronousTestCase> tests = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String name : names) {
            for (SynchronousTestCase t : loadByName(name, recurse)) {
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
        return loadByName(name, true);
    }

    /**
     * Loads the tests {@code name} stands for; a package includes its subpackages only if
     * {@code recurse}.
     *
     * @throws IllegalArgumentException if it is no test class, method or package
     */
    public List<SynchronousTestCase> loadByName(String name, boolean recurse) {
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
                name, c -> !c.isMemberClass() && isTestCase(c)
                        && (recurse || c.getPackageName().equals(name)), n -> true));
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

    /** Loads the tests of the test class {@code type}, in the loader's order. */
    public List<SynchronousTestCase> loadClass(Class<?> type) {
        List<String> methods = testMethodNames(type);
        if (order.equals("toptobottom")) {
            Map<String, Integer> rank = declarationOrder(type);
            order(methods, Comparator.comparing((String m) -> rank.getOrDefault(m,
                    Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder()));
        } else {
            order(methods, Comparator.naturalOrder());
        }
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

    /**
     * Returns the rank of each method name of {@code type} and its superclasses in declaration
     * order: the class's own methods in the order of its class file, then its superclass's.
     */
    static Map<String, Integer> declarationOrder(Class<?> type) {
        Map<String, Integer> rank = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (String name : methodNamesInClassFile(c)) {
                rank.putIfAbsent(name, rank.size());
            }
        }
        return rank;
    }

    /**
     * Returns the names of the methods declared in {@code type}'s class file, in their order
     * there, or an empty list if the class file cannot be read.
     */
    static List<String> methodNamesInClassFile(Class<?> type) {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        List<String> names = new ArrayList<>();
        try (InputStream raw = type.getResourceAsStream(file)) {
            if (raw == null) {
                return names;
            }
            DataInputStream in = new DataInputStream(raw);
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> {
                        return names;
                    }
                }
            }
            in.skipNBytes(6);
            in.skipNBytes(2L * in.readUnsignedShort());
            skipMembers(in, null, null);
            skipMembers(in, utf8, names);
        } catch (IOException e) {
            return names;
        }
        return names;
    }

    /** Reads a table of fields or methods, adding their names to {@code names} if given. */
    private static void skipMembers(DataInputStream in, String[] utf8, List<String> names)
            throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            in.skipNBytes(2);
            int name = in.readUnsignedShort();
            if (names != null) {
                names.add(utf8[name]);
            }
            in.skipNBytes(2);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2);
                in.skipNBytes(in.readInt() & 0xffffffffL);
            }
        }
    }
}
