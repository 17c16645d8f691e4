package dev.twj.internet.defer;

import dev.twj.contextvars.Context;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * Runs an inlineCallbacks body: Twisted's {@code _cancellableInlineCallbacks},
 * {@code _inlineCallbacks} and {@code _gotResultInlineCallbacks}, with the generator replaced by a
 * body that suspends inside {@link Defer#await(Deferred)}.
 *
 * <p>One instance is Twisted's {@code _CancellationStatus} plus the suspended body. The driver
 * ({@link #drive}) is Twisted's loop: run the body until it awaits an unfired Deferred or ends; add
 * this object as that Deferred's callback ({@link #call} is {@code _gotResultInlineCallbacks}); if
 * it fired meanwhile, loop, else return. An awaited Deferred that has already fired is consumed
 * inside {@code await} without suspending, which is what Twisted's {@code waiting} flag does
 * without recursion.
 *
 * <h2>Engines</h2>
 * <ul>
 *   <li>{@code continuation}: the JDK's internal one-shot delimited continuation
 *       ({@code jdk.internal.vm.Continuation}, the machinery under virtual threads), reached through
 *       method handles at run time. The body runs on the thread that starts or resumes it; a
 *       suspended body holds no thread, only its frames on the heap. Needs
 *       {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} (or
 *       {@code =dev.twj.deferred} on the module path) at run time.</li>
 *   <li>{@code virtual}: each body on its own virtual thread, with a strict hand-off: the thread
 *       that starts or resumes the body blocks until the body awaits again or ends, so the body
 *       never runs beside its caller and the order of events is the same. Slower (a thread
 *       hand-off per suspension), and a body that is never resumed keeps its parked virtual
 *       thread.</li>
 * </ul>
 * <p>A {@code ThreadLocal} read inside a body gives the value of the thread running the current
 * step; per-body state belongs in locals or a {@link dev.twj.contextvars.ContextVar}.
 *
 * <p>System property {@code dev.twj.inlineCallbacks.engine} = {@code continuation},
 * {@code virtual} or {@code auto} (the default: {@code continuation} when the JDK exports it,
 * else {@code virtual}). The choice is logged once, at info level, when this class loads.
 */
abstract class InlineCallbacks<T> implements Callback<Object, Object> {
    private static final Logger LOG = new Logger("dev.twj.internet.defer");

    /** Selects the engine; see the class comment. */
    static final String ENGINE_PROPERTY = "dev.twj.inlineCallbacks.engine";

    /** The two ways to suspend a body. */
    enum Engine {
        /** {@code jdk.internal.vm.Continuation}. */
        CONTINUATION,
        /** A virtual thread per body, with a strict hand-off. */
        VIRTUAL
    }

    /** The body running on this thread, innermost first; null outside any body. */
    static final ThreadLocal<InlineCallbacks<?>> CURRENT = new ThreadLocal<>();

    /** Why the continuation engine cannot be used, or null if it can. */
    static final String CONTINUATION_UNAVAILABLE = Continuations.UNAVAILABLE;

    /** The engine {@link Defer#inlineCallbacks} uses, or null if the forced one is unavailable. */
    static final Engine DEFAULT_ENGINE = selectEngine();

    // ---------------------------------------------------------------------------------------------
    // Twisted's _CancellationStatus.

    /** The Deferred to fire when the body ends (replaced by a fresh one on each cancellation). */
    Deferred<T> deferred;
    /** The Deferred the body last suspended on (Twisted never clears it either). */
    Deferred<?> waitingOn;

    private final Callable<? extends T> body;
    private final Context context;

    // The step protocol, between the driver and the body.
    /** The result for the await that suspended: a value or a Failure. */
    Object sendValue;
    /** The unfired Deferred the body suspended on; the driver adds the callback. */
    Deferred<?> awaiting;
    /** Twisted's {@code waiting[0]} and {@code waiting[1]}. */
    private boolean waiting;
    private Object waitResult;
    /** Set when the body has ended, with its value or the Throwable it threw. */
    boolean done;
    private T value;
    private Throwable error;

    InlineCallbacks(Callable<? extends T> body, Context context) {
        this.body = body;
        this.context = context;
    }

    private static Engine selectEngine() {
        String wanted = System.getProperty(ENGINE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        Engine engine;
        switch (wanted) {
            case "continuation" -> {
                if (CONTINUATION_UNAVAILABLE != null) {
                    LOG.error("{property}=continuation, but the continuation engine is unavailable:"
                            + " {reason}", "property", ENGINE_PROPERTY,
                            "reason", CONTINUATION_UNAVAILABLE);
                    return null;
                }
                engine = Engine.CONTINUATION;
            }
            case "virtual" -> engine = Engine.VIRTUAL;
            case "auto", "" -> engine = CONTINUATION_UNAVAILABLE == null ? Engine.CONTINUATION : Engine.VIRTUAL;
            default -> {
                // Throwing here would only surface later as NoClassDefFoundError: say it, go on.
                LOG.error("{property}={value}: expected continuation, virtual or auto; using auto",
                        "property", ENGINE_PROPERTY, "value", wanted);
                engine = CONTINUATION_UNAVAILABLE == null ? Engine.CONTINUATION : Engine.VIRTUAL;
            }
        }
        if (engine == Engine.VIRTUAL && CONTINUATION_UNAVAILABLE != null) {
            LOG.info("inlineCallbacks engine: {engine} ({reason})", "engine", "virtual",
                    "reason", CONTINUATION_UNAVAILABLE);
        } else {
            LOG.debug("inlineCallbacks engine: {engine}", "engine",
                    engine.name().toLowerCase(Locale.ROOT));
        }
        return engine;
    }

    /** Returns the engine {@link Defer#inlineCallbacks} uses. */
    static Engine defaultEngine() {
        if (DEFAULT_ENGINE == null) {
            throw new IllegalStateException(ENGINE_PROPERTY + "=continuation, but the continuation"
                    + " engine is unavailable: " + CONTINUATION_UNAVAILABLE);
        }
        return DEFAULT_ENGINE;
    }

    // ---------------------------------------------------------------------------------------------
    // Starting: Twisted's _cancellableInlineCallbacks.

    /** Starts {@code body} on the default engine and returns the Deferred of its result. */
    static <T> Deferred<T> start(Callable<? extends T> body) {
        return start(body, defaultEngine());
    }

    /** Starts {@code body} on {@code engine}; runs it now, up to its first unfired await. */
    static <T> Deferred<T> start(Callable<? extends T> body, Engine engine) {
        if (body == null) {
            throw new NullPointerException("body == null");
        }
        Context context = Context.copyContext();
        InlineCallbacks<T> status;
        if (engine == Engine.CONTINUATION) {
            if (CONTINUATION_UNAVAILABLE != null) {
                throw new IllegalStateException(
                        "continuation engine unavailable: " + CONTINUATION_UNAVAILABLE);
            }
            status = new ContinuationBody<>(body, context);
        } else {
            status = new VirtualThreadBody<>(body, context);
        }
        Deferred<T> deferred = status.newDeferred();
        status.deferred = deferred;
        status.drive(null);
        return deferred;
    }

    /**
     * A Deferred for the body's result whose cancellation cancels what the body awaits: Twisted's
     * {@code Deferred(lambda d: _addCancelCallbackToDeferred(d, status))}. Twisted prepends
     * {@code _handleCancelInlineCallbacks} when cancelled; adding it first, now, is the same, since
     * nothing runs before the Deferred fires.
     */
    @SuppressWarnings("unchecked")
    private Deferred<T> newDeferred() {
        Deferred<T> d = new Deferred<>(it -> it.errback(new Failure(new InternalCancelledError())));
        ((Deferred<Object>) d).addErrback(this::handleCancel);
        return d;
    }

    /** Twisted's {@code _handleCancelInlineCallbacks}. */
    private Object handleCancel(Failure result) {
        if (!(result.value() instanceof InternalCancelledError)) {
            return result;
        }
        deferred = newDeferred();
        // We only get here if the body is waiting on another Deferred: cancel it.
        Deferred<?> awaited = waitingOn;
        if (awaited == null) {
            throw new AssertionError("inlineCallbacks cancelled before its body awaited anything");
        }
        awaited.cancel();
        return deferred;
    }

    /** The failure {@code cancel()} errbacks with, for {@link #handleCancel} to trap. */
    private static final class InternalCancelledError extends Exception {
        private static final long serialVersionUID = 1L;

        InternalCancelledError() {
            super("inlineCallbacks cancelled", null, false, false);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The driver: Twisted's _inlineCallbacks and _gotResultInlineCallbacks.

    /** Runs the body with {@code result} as the value of its pending await, as far as it goes. */
    final void drive(Object result) {
        while (true) {
            sendValue = result;
            runStep();
            if (done) {
                finish();
                return;
            }
            Deferred<?> d = awaiting;
            awaiting = null;
            waiting = true;
            d.addBoth(this);
            if (waiting) {
                // Not fired yet: our callback resumes the body when it does.
                waiting = false;
                waitingOn = d;
                return;
            }
            result = waitResult;
            waitResult = null;
        }
    }

    /** Twisted's {@code _gotResultInlineCallbacks}: the awaited Deferred fired. */
    @Override
    public final Object call(Object result) {
        if (waiting) {
            waiting = false;
            waitResult = result;
        } else {
            drive(result);
        }
        return null;
    }

    private void finish() {
        Throwable e = error;
        if (e != null) {
            error = null;
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            deferred.errback(new Failure(e));
        } else {
            T v = value;
            value = null;
            deferred.callback(v);
        }
    }

    /** Runs the whole body; called once, on the engine's side. */
    final void runBody() {
        try {
            value = body.call();
        } catch (Throwable t) {
            error = t;
        }
        done = true;
    }

    /** Runs or resumes the body until it suspends in {@code await} or ends. */
    abstract void runStep();

    /**
     * Called by the body, inside {@code await}: suspends it until {@link #runStep} resumes it.
     *
     * @throws IllegalStateException if the body cannot be suspended here
     */
    abstract void suspend();

    /** Returns the context captured when the body started. */
    final Context context() {
        return context;
    }

    // ---------------------------------------------------------------------------------------------
    // await.

    /** {@link Defer#await(Deferred)}. */
    @SuppressWarnings("unchecked")
    static <T> T await(Deferred<T> d) {
        InlineCallbacks<?> self = CURRENT.get();
        if (self == null) {
            throw new IllegalStateException("Defer.await(" + d + ") called outside an"
                    + " inlineCallbacks body: it never blocks a thread; call it inside"
                    + " Defer.inlineCallbacks(() -> ...) or a Coroutine, or add a callback instead");
        }
        Object r = d.result;
        if (r == Deferred.NO_RESULT || d.paused() != 0 || d.pendingCallbacks() != 0) {
            // Not fired, or fired but waiting on another Deferred: suspend.
            self.awaiting = d;
            self.suspend();
            r = self.sendValue;
            self.sendValue = null;
        } else {
            // Fired: consume the result as Twisted's addBoth(gotResult) does, without suspending.
            d.result = null;
            DebugInfo info = d.debugInfo;
            if (info != null) {
                info.failResult = null;
            }
        }
        if (r instanceof Failure failure) {
            Throwable e = failure.value();
            // Bounded: one exception instance may be thrown into many bodies (a shared constant).
            if (e.getSuppressed().length < MAX_AWAITED_AT) {
                e.addSuppressed(new AwaitedAt());
            }
            throw failure.raiseException();
        }
        return (T) r;
    }

    /** {@link Defer#await(Coroutine)}: runs the coroutine's body here, in this body. */
    static <T> T await(Coroutine<T> coroutine) {
        if (CURRENT.get() == null) {
            throw new IllegalStateException("Defer.await(" + coroutine + ") called outside an"
                    + " inlineCallbacks body");
        }
        Callable<? extends T> b = coroutine.start();
        try {
            return b.call();
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
        throw (X) t;
    }

    /** At most this many suppressed entries on one exception before await stops adding its own. */
    static final int MAX_AWAITED_AT = 16;

    /**
     * Recorded on an exception that {@code await} throws into a body, so that its stack trace
     * shows the awaiting line as well as where it was raised, as Twisted's tracebacks do.
     */
    static final class AwaitedAt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AwaitedAt() {
            super("awaited here, in an inlineCallbacks body");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Engine: jdk.internal.vm.Continuation.

    /** A body on a {@code jdk.internal.vm.Continuation}. */
    static final class ContinuationBody<T> extends InlineCallbacks<T> {
        private final Object continuation;
        private final Runnable step = this::step;

        ContinuationBody(Callable<? extends T> body, Context context) {
            super(body, context);
            this.continuation = Continuations.newContinuation(this::runBody);
        }

        @Override
        void runStep() {
            context().run(step);
        }

        private void step() {
            InlineCallbacks<?> previous = CURRENT.get();
            CURRENT.set(this);
            try {
                Continuations.run(continuation);
            } finally {
                CURRENT.set(previous);
            }
        }

        @Override
        void suspend() {
            String pinned = Continuations.yieldBody();
            if (pinned != null) {
                awaiting = null;
                throw new IllegalStateException("Defer.await cannot suspend this inlineCallbacks"
                        + " body: the continuation is pinned (" + pinned + "). Do not await inside"
                        + " a static initializer, a native call or, on JDK 21 to 23, a synchronized"
                        + " block; await outside it");
            }
        }
    }

    /** Method handles on {@code jdk.internal.vm.Continuation}, found at run time. */
    static final class Continuations {
        static final String UNAVAILABLE;
        private static final Object SCOPE;
        private static final MethodHandle NEW;
        private static final MethodHandle RUN;
        private static final MethodHandle YIELD;

        static {
            String unavailable = null;
            Object scope = null;
            MethodHandle newCont = null;
            MethodHandle run = null;
            MethodHandle yield = null;
            try {
                Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
                if (!contClass.getModule().isExported("jdk.internal.vm", Continuations.class.getModule())) {
                    unavailable = "java.base does not export jdk.internal.vm to "
                            + Continuations.class.getModule() + "; run with --add-exports"
                            + " java.base/jdk.internal.vm="
                            + (Continuations.class.getModule().isNamed()
                                    ? Continuations.class.getModule().getName() : "ALL-UNNAMED");
                } else {
                    MethodHandles.Lookup lookup = MethodHandles.lookup();
                    scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                            .invoke("dev.twj.inlineCallbacks");
                    newCont = lookup.findConstructor(contClass,
                                    MethodType.methodType(void.class, scopeClass, Runnable.class))
                            .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
                    run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                            .asType(MethodType.methodType(void.class, Object.class));
                    yield = lookup.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                            .asType(MethodType.methodType(boolean.class, Object.class));
                }
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError vme) {
                    throw vme;
                }
                unavailable = "jdk.internal.vm.Continuation is not usable: " + e;
            }
            UNAVAILABLE = unavailable;
            SCOPE = scope;
            NEW = newCont;
            RUN = run;
            YIELD = yield;
        }

        private Continuations() {}

        static Object newContinuation(Runnable target) {
            try {
                return (Object) NEW.invokeExact(SCOPE, target);
            } catch (Throwable e) {
                throw sneaky(e);
            }
        }

        static void run(Object continuation) {
            try {
                RUN.invokeExact(continuation);
            } catch (Throwable e) {
                throw sneaky(e);
            }
        }

        /** Yields the innermost body; returns null once resumed, or why it could not yield. */
        static String yieldBody() {
            try {
                return (boolean) YIELD.invokeExact(SCOPE) ? null : "yield refused";
            } catch (IllegalStateException e) {
                // Continuation.onPinned throws "Pinned: MONITOR" (NATIVE, CRITICAL_SECTION ...).
                return e.getMessage();
            } catch (Throwable e) {
                throw sneaky(e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Engine: a virtual thread per body, with a strict hand-off.

    /** A body on its own virtual thread; the driver blocks while the body runs. */
    static final class VirtualThreadBody<T> extends InlineCallbacks<T> {
        private Thread thread;
        private final Semaphore bodyTurn = new Semaphore(0);
        private final Semaphore driverTurn = new Semaphore(0);

        VirtualThreadBody(Callable<? extends T> body, Context context) {
            super(body, context);
        }

        @Override
        void runStep() {
            if (thread == null) {
                thread = Thread.ofVirtual().name("inlineCallbacks").start(() -> context().run(() -> {
                    CURRENT.set(this);
                    try {
                        runBody();
                    } finally {
                        CURRENT.remove();
                        driverTurn.release();
                    }
                }));
            } else {
                bodyTurn.release();
            }
            driverTurn.acquireUninterruptibly();
        }

        @Override
        void suspend() {
            driverTurn.release();
            bodyTurn.acquireUninterruptibly();
        }
    }
}
