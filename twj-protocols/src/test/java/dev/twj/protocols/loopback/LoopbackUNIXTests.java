package dev.twj.protocols.loopback;

import static org.junit.jupiter.api.Assertions.fail;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IDelayedCall;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.selectreactor.SelectReactor;
import dev.twj.internet.task.Clock;
import dev.twj.python.failure.Failure;
import org.junit.jupiter.api.Timeout;

/**
 * Port of {@code twisted.test.test_loopback.LoopbackUNIXTests}: the tests of
 * {@link LoopbackTestCaseMixin} run over {@link Loopback#loopbackUNIX}, a real UNIX socket in a
 * temporary directory, on a {@link SelectReactor} of the test's own (Twisted uses the global
 * reactor, and skips the class when it has no {@code IReactorUNIX}; the SelectReactor always
 * has it) run in the test thread until the loopback's Deferred fires, with a 20 second safety
 * timeout.
 */
@Timeout(60)
class LoopbackUNIXTests implements LoopbackTestCaseMixin {
    private final SelectReactor reactor = new SelectReactor();

    @Override
    public Deferred<Void> loopbackFunc(IProtocol server, IProtocol client) {
        return Loopback.loopbackUNIX(reactor, server, (Protocol) client, true);
    }

    /** There is no fake clock here: the loopback runs on a real reactor. */
    @Override
    public Clock clock() {
        throw new UnsupportedOperationException("LoopbackUNIXTests runs on a SelectReactor");
    }

    @Override
    public void runLoopback(Deferred<?> d) {
        Object[] box = {null};
        boolean[] fired = {false};
        d.addBoth(r -> {
            box[0] = r;
            fired[0] = true;
            if (reactor.running()) {
                reactor.stop();
            }
            return null;
        });
        if (!fired[0]) {
            IDelayedCall safety = reactor.callLater(20, reactor::stop);
            reactor.run(false);
            if (safety.active()) {
                safety.cancel();
            }
        }
        if (!fired[0]) {
            fail("the loopback's Deferred did not fire within 20 seconds: " + d);
        }
        if (box[0] instanceof Failure f) {
            Throwable t = f.value();
            if (t instanceof Error e) {
                throw e;
            }
            if (t instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(t);
        }
    }
}
