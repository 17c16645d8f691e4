package dev.twj.trial.util;

/** Module constants of {@code twisted.trial.util}. */
public final class Util {
    /** The default timeout of a {@code TestCase} test, in seconds: 120. */
    public static final double DEFAULT_TIMEOUT_DURATION = 120.0;

    private Util() {}
}
