package dev.twj.protocols.amp;

import dev.twj.internet.defer.Deferred;
import dev.twj.protocols.amp.AmpFixtures.InheritingLocator;
import dev.twj.protocols.amp.AmpFixtures.OverridingLocator;
import dev.twj.protocols.amp.AmpFixtures.TestLocator;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.function.Supplier;

/**
 * Port of {@code CommandLocatorTests}: responders are methods annotated with metadata. The two
 * {@code lookupFunction} tests are not ported: the deprecated {@code lookupFunction} is not.
 */
class CommandLocatorTests extends SynchronousTestCase {
    /**
     * Check that a locator of type {@code locatorClass} finds a responder for command named
     * 'simple' that answers {@code expected} to {@code SimpleGreeting<"ni hao", 5>}.
     */
    private void checkSimpleGreeting(Supplier<? extends CommandLocator> locatorClass, long expected) throws Exception {
        CommandLocator locator = locatorClass.get();
        BoxResponder responderCallable = locator.locateResponder("simple");
        Deferred<?> result = (Deferred<?>) responderCallable.respond(AmpBox.of("greeting", "ni hao", "cookie", "5"));
        Object value = result.result();
        if (value instanceof Failure f) {
            throw f.raiseException();
        }
        assertEqual(value, AmpBox.of("cookieplus", Long.toString(expected)));
    }

    /** An annotated method is returned from locateResponder, wrapped with serialization. */
    public void test_responderDecorator() throws Exception {
        checkSimpleGreeting(TestLocator::new, 8);
    }

    /** Subclasses can override a responder inherited from a base class. */
    public void test_responderOverriding() throws Exception {
        checkSimpleGreeting(OverridingLocator::new, 9);
    }

    /** Responder lookup follows the same rules as normal method lookup, with inheritance. */
    public void test_responderInheritance() throws Exception {
        checkSimpleGreeting(InheritingLocator::new, 9);
    }
}
