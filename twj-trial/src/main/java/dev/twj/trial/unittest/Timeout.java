package dev.twj.trial.unittest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long, in seconds, a {@link TestCase} test method (and each of its fixtures and cleanups) may
 * take before it fails with a {@code TimeoutError}: trial's {@code timeout} attribute, on a test
 * method or on a class (for all its methods). The method's annotation wins over the class's; the
 * default is {@link dev.twj.trial.util.Util#DEFAULT_TIMEOUT_DURATION} (120 s). Override
 * {@link TestCase#getTimeout} to decide at run time.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Timeout {
    /** The timeout in seconds. */
    double value();
}
