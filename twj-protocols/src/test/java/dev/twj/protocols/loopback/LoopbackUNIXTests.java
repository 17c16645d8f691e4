package dev.twj.protocols.loopback;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.task.Clock;

/**
 * Port of {@code twisted.test.test_loopback.LoopbackUNIXTests}: the tests of
 * {@link LoopbackTestCaseMixin} run over {@link Loopback#loopbackUNIX}, a real UNIX socket in a
 * temporary directory, on the global reactor, which trial runs until the test's Deferred fires.
 * Twisted skips the class when the reactor has no {@code IReactorUNIX}; twj's reactor always has
 * it.
 */
class LoopbackUNIXTests extends LoopbackTestCaseMixin {
    @Override
    Deferred<Void> loopbackFunc(IProtocol server, IProtocol client) {
        return Loopback.loopbackUNIX(server, (Protocol) client);
    }

    /** There is no fake clock here: the loopback runs on the real reactor. */
    @Override
    Clock clock() {
        throw new UnsupportedOperationException("LoopbackUNIXTests runs on the global reactor");
    }

    /** Returns {@code d} for trial to wait on, running the global reactor. */
    @Override
    Deferred<Void> runLoopback(Deferred<Void> d) {
        return d;
    }
}
