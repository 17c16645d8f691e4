/**
 * twj-internet: reactors on java.nio, protocols and transports, task, and the testing doubles.
 */
// "module": the qualified export below names twj-protocols, which is compiled later.
@SuppressWarnings("module")
module dev.twj.internet {
    requires transitive dev.twj.deferred;

    exports dev.twj.internet;
    exports dev.twj.internet.address;
    exports dev.twj.internet.base;
    exports dev.twj.internet.error;
    exports dev.twj.internet.interfaces;
    exports dev.twj.internet.protocol;
    exports dev.twj.internet.selectreactor;
    exports dev.twj.internet.ssl;
    exports dev.twj.internet.task;
    exports dev.twj.internet.tcp;
    exports dev.twj.internet.testing;
    exports dev.twj.internet.threads;
    exports dev.twj.internet.udp;
    exports dev.twj.internet.unix;
    exports dev.twj.python.threadpool;
    // The TLS hook that twj-protocols' dev.twj.protocols.tls fills in (see TLSSupport).
    exports dev.twj.internet.internal to dev.twj.protocols;

    uses dev.twj.internet.internal.TLSSupport;
}
