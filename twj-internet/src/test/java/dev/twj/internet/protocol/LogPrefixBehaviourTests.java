package dev.twj.internet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.internal.ClassNames;
import org.junit.jupiter.api.Test;

/**
 * Twisted's log prefixes name an object's class ({@code obj.__class__.__name__}); in Java an
 * anonymous class has an empty simple name, so twj names it by its binary name after the package.
 */
class LogPrefixBehaviourTests {

    /** A named protocol class. */
    static class Named extends Protocol {}

    /** A named class keeps its simple name, as Twisted's class name. */
    @Test
    void namedClassesUseTheirSimpleName() {
        assertEquals("Named", new Named().logPrefix());
        assertEquals("Factory", new Factory().logPrefix());
        assertEquals("ServerFactory", new ServerFactory().logPrefix());
        assertEquals("DatagramProtocol", new DatagramProtocol().logPrefix());
    }

    /** An anonymous protocol, factory or datagram protocol is named after its enclosing class. */
    @Test
    void anonymousClassesUseTheirBinaryName() {
        Protocol protocol = new Protocol() {};
        Factory factory = new ServerFactory() {};
        DatagramProtocol datagram = new DatagramProtocol() {};
        for (Object o : new Object[] {protocol, factory, datagram}) {
            String expected = o.getClass().getName().substring("dev.twj.internet.protocol.".length());
            assertEquals(expected, ClassNames.nameOf(o.getClass()));
        }
        assertEquals("LogPrefixBehaviourTests$1", protocol.logPrefix());
        assertEquals("LogPrefixBehaviourTests$2", factory.logPrefix());
        assertEquals("LogPrefixBehaviourTests$3", datagram.logPrefix());
    }

    /** A lambda's hidden class still gets a non-empty name. */
    @Test
    void hiddenClassesGetANonEmptyName() {
        Runnable r = () -> {};
        assertFalse(ClassNames.nameOf(r.getClass()).isEmpty());
        IProtocol named = new Named();
        assertEquals("Named", ClassNames.nameOf(named.getClass()));
    }
}
