package dev.twj.trial.unittest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method, or every test method of a class, as expected to fail. The Java form of
 * trial's {@code todo = "reason"} and {@code todo = ((Errors...), "reason")} attributes, and of
 * {@code twisted.trial.unittest.Todo}.
 *
 * <p>If the test raises one of {@link #errors()} (any exception when {@code errors} is empty),
 * trial reports an expected failure, which does not fail the run. If it raises another error,
 * that is reported as usual. If it passes, trial reports an unexpected success. {@code setUp} and
 * {@code tearDown} are not covered: their errors are reported as errors, as in trial.
 *
 * <p>A method's annotation wins over its class's; on a class it is inherited by subclasses.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Todo {
    /** Why the test is expected to fail. */
    String value();

    /** The exception types expected; empty (the default) expects any exception. */
    Class<? extends Throwable>[] errors() default {};
}
