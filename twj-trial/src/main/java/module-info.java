/**
 * twj-trial: trial for Java, with a JUnit Platform engine and a command line.
 *
 * <p>trial reads test classes by reflection (their {@code test*} methods, {@code setUp},
 * {@code tearDown} and patched fields): a modular test source must open its test packages to
 * {@code dev.twj.trial}.
 */
module dev.twj.trial {
    requires transitive dev.twj.internet;
    requires org.junit.platform.engine;

    exports dev.twj.python.monkey;
    exports dev.twj.trial.itrial;
    exports dev.twj.trial.reporter;
    exports dev.twj.trial.runner;
    exports dev.twj.trial.scripts;
    exports dev.twj.trial.unittest;
    exports dev.twj.trial.util;

    provides org.junit.platform.engine.TestEngine with dev.twj.trial.engine.TrialTestEngine;
}
