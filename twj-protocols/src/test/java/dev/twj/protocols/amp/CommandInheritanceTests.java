package dev.twj.protocols.amp;

import static dev.twj.protocols.amp.AmpTestSupport.connectedServerAndClient;

import dev.twj.protocols.amp.AmpFixtures.AddErrorsCommand;
import dev.twj.protocols.amp.AmpFixtures.AddedCommandProtocol;
import dev.twj.protocols.amp.AmpFixtures.BaseCommand;
import dev.twj.protocols.amp.AmpFixtures.InheritedCommand;
import dev.twj.protocols.amp.AmpFixtures.InheritedCommandProtocol;
import dev.twj.protocols.amp.AmpFixtures.InheritedError;
import dev.twj.protocols.amp.AmpFixtures.NormalCommandProtocol;
import dev.twj.protocols.amp.AmpFixtures.OtherInheritedError;
import dev.twj.python.failure.Failure;
import dev.twj.trial.unittest.SynchronousTestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Port of {@code CommandInheritanceTests}: commands inherit error conditions properly. */
class CommandInheritanceTests extends SynchronousTestCase {
    /** Checks that sending {@code cmd} to a protocol of type {@code proto} fails with {@code err}. */
    private void errorCheck(Class<? extends Throwable> err, Supplier<? extends AMP> proto,
            Class<? extends Command> cmd, Map<String, ?> kw) {
        var csp = connectedServerAndClient(proto, proto);
        List<Failure> l = new ArrayList<>();
        csp.c().callRemote(cmd, kw).addErrback(f -> {
            l.add(f);
            return null;
        });
        csp.p().flush();
        assertEqual(l.size(), 1);
        assertIsInstance(l.get(0).value(), err);
    }

    /** Errors specified in a superclass are respected normally even if it has subclasses. */
    public void test_basicErrorPropagation() {
        errorCheck(InheritedError.class, NormalCommandProtocol::new, BaseCommand.class, Map.of());
    }

    /** Errors specified in a superclass command are propagated to its subclasses. */
    public void test_inheritedErrorPropagation() {
        errorCheck(InheritedError.class, InheritedCommandProtocol::new, InheritedCommand.class, Map.of());
    }

    /** New errors specified in a subclass are honored even if the superclass defines some. */
    public void test_inheritedErrorAddition() {
        errorCheck(OtherInheritedError.class, AddedCommandProtocol::new, AddErrorsCommand.class, Map.of("other", true));
    }

    /** Errors of a command's superclass are respected even if the command defines new ones. */
    public void test_additionWithOriginalError() {
        errorCheck(InheritedError.class, AddedCommandProtocol::new, AddErrorsCommand.class, Map.of("other", false));
    }
}
