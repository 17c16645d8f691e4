package dev.twj.protocols.loopback;

import dev.twj.internet.defer.Deferred;
import dev.twj.internet.interfaces.IProtocol;
import dev.twj.internet.protocol.Protocol;
import dev.twj.internet.task.Clock;

/**
 * Port of {@code twisted.test.test_loopback.LoopbackTCPTests}: the tests of
 * {@link LoopbackTestCaseMixin} run over {@link Loopback#loopbackTCP}, real TCP on 127.0.0.1, on
 * the global reactor, which trial runs until the test's Deferred fires.
 */
class LoopbackTCPTests extends LoopbackTestCaseMixin {
    @Override
    Deferred<Void> loopbackFunc(IProtocol server, IProtocol client) {
        return Loopback.loopbackTCP(server, (Protocol) client);
    }

    /** There is no fake clock here: the loopback runs on the real reactor. */
    @Override
    Clock clock() {
        throw new UnsupportedOperationException("LoopbackTCPTests runs on the global reactor");
    }

    /** Returns {@code d} for trial to wait on, running the global reactor. */
    @Override
    Deferred<Void> runLoopback(Deferred<Void> d) {
        return d;
    }
}
