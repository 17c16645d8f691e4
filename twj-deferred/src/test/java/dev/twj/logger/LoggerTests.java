package dev.twj.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.twj.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tests for {@link Logger}. Port of {@code twisted.logger.test.test_logger.LoggerTests}. */
class LoggerTests {

    /** A regular object, with a logger attached. */
    static final class LogComposedObject {
        static final TestLogger LOG = new TestLogger();
        private final String state;

        LogComposedObject(String state) {
            this.state = state;
        }

        /** Twisted's {@code obj.log}: the class's logger bound to this instance. */
        Logger log() {
            return LOG.logger.bind(this);
        }

        /** Twisted's {@code LogComposedObject.log}: the class's logger bound to the class. */
        static Logger classLog() {
            return LOG.logger.bind(LogComposedObject.class);
        }

        @Override
        public String toString() {
            return "<LogComposedObject " + state + ">";
        }
    }

    /** Errors logged to the global publisher while {@code body} runs, of the given type. */
    private static List<Failure> loggedErrors(Class<?> type, Runnable body) {
        List<Failure> errors = new ArrayList<>();
        try (CapturedLogs captured = CapturedLogs.capture()) {
            body.run();
            for (Map<String, Object> e : captured.events()) {
                if (e.get("log_failure") instanceof Failure f && f.check(type) != null) {
                    errors.add(f);
                }
            }
        }
        return errors;
    }

    /** toString (repr) on Logger. */
    @Test
    public void test_repr() {
        String namespace = "bleargh";
        Logger log = new Logger(namespace);
        assertEquals("<Logger '" + namespace + "'>", log.toString());
    }

    /** Default namespace is the calling class's name (Twisted: the module name). */
    @Test
    public void test_namespaceDefault() {
        Logger log = new Logger();
        assertEquals(LoggerTests.class.getName(), log.namespace());
    }

    /**
     * Default namespace for classes using Logger as a descriptor ({@link Logger#bind}) is the
     * class name they were retrieved from.
     */
    @Test
    public void test_namespaceAttribute() {
        LogComposedObject obj = new LogComposedObject(null);
        String expectedNamespace = LogComposedObject.class.getName();

        assertEquals(expectedNamespace, obj.log().namespace());
        assertEquals(expectedNamespace, LogComposedObject.classLog().namespace());
        assertSame(LogComposedObject.class, LogComposedObject.classLog().source());
        assertSame(obj, obj.log().source());
        assertNull(new Logger().source());
    }

    /** When used as a descriptor, the observer is propagated. */
    @Test
    public void test_descriptorObserver() {
        List<Map<String, Object>> observed = new ArrayList<>();

        final class MyObject {}
        // MyObject's class attribute "log" in Twisted.
        Logger log = new Logger(null, null, observed::add);

        log.bind(MyObject.class).info("hello");
        assertEquals(1, observed.size());
        assertEquals("hello", observed.get(0).get("log_format"));
    }

    /**
     * On instances that have a Logger class attribute, the {@code log_source} key is available to
     * format strings.
     */
    @Test
    public void test_sourceAvailableForFormatting() {
        LogComposedObject obj = new LogComposedObject("hello");
        Logger log = obj.log();
        log.error("Hello, {log_source}.");
        Map<String, Object> event = LogComposedObject.LOG.event;

        assertTrue(event.containsKey("log_source"));
        assertEquals(obj, event.get("log_source"));

        String stuff = Format.formatEvent(event);
        assertTrue(stuff.contains("Hello, <LogComposedObject hello>."), stuff);
    }

    /** Test that log levels and messages are emitted correctly for Logger. */
    @Test
    public void test_basicLogger() throws Exception {
        TestLogger log = new TestLogger();

        for (LogLevel level : LogLevel.values()) {
            String format = "This is a {level_name} message";
            String message = "This is a " + level.name() + " message";

            Logger.class.getMethod(level.name(), String.class, Object[].class)
                    .invoke(log.logger, format, new Object[] {"junk", message, "level_name", level.name()});

            // Ensure that emit got called with expected arguments
            assertEquals(level, log.emitted.get("level"));
            assertEquals(format, log.emitted.get("format"));
            assertEquals(message, ((Map<?, ?>) log.emitted.get("kwargs")).get("junk"));

            assertNotNull(log.event, "No event observed.");

            assertEquals(format, log.event.get("log_format"));
            assertEquals(level, log.event.get("log_level"));
            assertEquals(LoggerTests.class.getName(), log.event.get("log_namespace"));
            assertNull(log.event.get("log_source"));
            assertEquals(message, log.event.get("junk"));

            assertEquals(message, Format.formatEvent(log.event));
        }
    }

    /** {@code log_source} event key refers to the class. */
    @Test
    public void test_sourceOnClass() {
        AtomicInteger observed = new AtomicInteger();

        final class Thingo {}
        // Thingo's class attribute "log" in Twisted.
        Logger log = new Logger(null, null, event -> {
            assertEquals(Thingo.class, event.get("log_source"));
            observed.incrementAndGet();
        });

        log.bind(Thingo.class).info(null);
        assertEquals(1, observed.get());
    }

    /** {@code log_source} event key refers to the instance. */
    @Test
    public void test_sourceOnInstance() {
        AtomicInteger observed = new AtomicInteger();
        Object[] thingo = new Object[1];

        final class Thingo {}
        // Thingo's class attribute "log" in Twisted.
        Logger log = new Logger(null, null, event -> {
            assertEquals(thingo[0], event.get("log_source"));
            observed.incrementAndGet();
        });

        thingo[0] = new Thingo();
        log.bind(thingo[0]).info(null);
        assertEquals(1, observed.get());
    }

    /** {@code log_source} event key is null. */
    @Test
    public void test_sourceUnbound() {
        AtomicInteger observed = new AtomicInteger();
        TestLogger log = new TestLogger(null, event -> {
            assertNull(event.get("log_source"));
            observed.incrementAndGet();
        });
        log.logger.info(null);
        assertEquals(1, observed.get());
    }

    /** Test that log.failure() emits the right data. */
    @Test
    public void test_defaultFailure() {
        TestLogger log = new TestLogger();
        List<Failure> errors = loggedErrors(RuntimeException.class, () -> {
            try {
                throw new RuntimeException("baloney!");
            } catch (RuntimeException e) {
                log.logger.failure("Whoops", new Failure(e));
            }
        });
        assertEquals(1, errors.size());

        assertEquals(LogLevel.critical, log.emitted.get("level"));
        assertEquals("Whoops", log.emitted.get("format"));
    }

    /** Make sure that kwargs conflicting with args don't pass through. */
    @Test
    public void test_conflictingKwargs() {
        TestLogger log = new TestLogger();

        log.logger.warn("*",
                "log_format", "#",
                "log_level", LogLevel.error,
                "log_namespace", "*namespace*",
                "log_source", "*source*");

        assertEquals("*", log.event.get("log_format"));
        assertEquals(LogLevel.warn, log.event.get("log_level"));
        assertEquals(log.logger.namespace(), log.event.get("log_namespace"));
        assertNull(log.event.get("log_source"));
    }

    /** Test passing in a bogus log level (in Java: null) to {@code emit()}. */
    @Test
    public void test_logInvalidLogLevel() {
        TestLogger log = new TestLogger();
        List<Failure> errors = loggedErrors(
                InvalidLogLevelError.class, () -> log.logger.emit(null, "*bogus*"));
        assertEquals(1, errors.size());
    }

    /**
     * Tracing keeps track of forwarding to the publisher. (Twisted uses its TestLogger here; the
     * Java TestLogger is itself the logger's observer, so this uses a plain Logger.)
     */
    @Test
    public void test_trace() {
        AtomicInteger observed = new AtomicInteger();
        Logger[] log = new Logger[1];
        ILogObserver[] publisher = new ILogObserver[1];
        ILogObserver observer = event -> {
            assertEquals(List.of(Map.entry(log[0], publisher[0])), event.get("log_trace"));
            observed.incrementAndGet();
        };
        publisher[0] = observer::accept;

        log[0] = new Logger(null, null, publisher[0]);
        log[0].info("Hello.", "log_trace", new ArrayList<>());
        assertEquals(1, observed.get());
    }

    /**
     * The {@link Logger#failuresHandled} handler catches anything thrown and converts it into a
     * logged Failure.
     */
    @Test
    public void test_failuresHandled() {
        List<Map<String, Object>> events = new ArrayList<>();
        TestLogger log = new TestLogger(null, events::add);
        AtomicInteger reprd = new AtomicInteger();

        final class Reprable {
            @Override
            public String toString() {
                return "<repr " + reprd.incrementAndGet() + ">";
            }
        }

        int zero = 0;
        Operation operation = log.logger.failuresHandled(
                "while testing failure handling for {value}", "value", new Reprable())
                .run(() -> System.out.println(1 / zero));
        assertFalse(operation.succeeded());
        assertTrue(operation.failed());
        assertEquals(1, events.size());
        Map<String, Object> logged = events.get(0);
        events.clear();
        Failure f = (Failure) logged.get("log_failure");
        assertEquals(0, reprd.get());
        assertEquals("while testing failure handling for <repr 1>", Format.formatEvent(logged));
        assertEquals(1, reprd.get());
        assertEquals(ArithmeticException.class, f.type());
        Logger.FailuresHandled op2 =
                log.logger.failuresHandled("succeeding for {value}", "value", new Reprable());
        op2.run(() -> {
            assertFalse(op2.succeeded());
            assertFalse(op2.failed());
        });
        assertEquals(1, reprd.get());
        assertTrue(op2.succeeded());
        assertFalse(op2.failed());
        assertEquals(List.of(), events);
    }

    /** Java's stand-in for Python's KeyboardInterrupt: a throwable that is not an Exception. */
    static final class KeyboardInterrupt extends Error {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The {@link Logger#failureHandler} handler can safely be shared amongst multiple invocations
     * and converts anything thrown (Python: {@code BaseException}) into logged Failures.
     */
    @Test
    public void test_failureHandler() {
        List<Map<String, Object>> events = new ArrayList<>();
        TestLogger log = new TestLogger(null, events::add);

        Logger.FailureHandler failureHandler = log.logger.failureHandler("hello");
        boolean[] success = {false};
        failureHandler.run(() -> success[0] = true);
        assertTrue(success[0]);
        assertEquals(List.of(), events);
        success[0] = false;

        failureHandler.run(() -> {
            throw new KeyboardInterrupt();
        });

        assertEquals(1, events.size());
        Failure f = (Failure) events.get(0).get("log_failure");
        assertEquals(KeyboardInterrupt.class, f.type());
    }
}
