package dev.twj.trial.unittest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method, or every test method of a class, as skipped: trial does not run it (nor
 * {@code setUp}) and reports it skipped with {@link #value()} as the reason. The Java form of
 * trial's {@code skip = "reason"} attribute.
 *
 * <p>As trial looks for {@code skip} on the method first and then on the class, an annotation on
 * the method wins over one on the class; on a class it is inherited by subclasses. For a reason
 * only known at run time, override {@link SynchronousTestCase#getSkip()} or throw
 * {@link SkipTest}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Skip {
    /** The reason the test is skipped, shown in the report. */
    String value();
}
