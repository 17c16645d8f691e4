/**
 * twj-protocols: LineReceiver, Netstring, IntN, policies, wire, loopback, portforward and AMP.
 */
module dev.twj.protocols {
    requires transitive dev.twj.internet;

    exports dev.twj.protocols.amp;
    exports dev.twj.protocols.basic;
    exports dev.twj.protocols.loopback;
    exports dev.twj.protocols.policies;
    exports dev.twj.protocols.portforward;
    exports dev.twj.protocols.tls;
    exports dev.twj.protocols.wire;

    provides dev.twj.internet.internal.TLSSupport with dev.twj.protocols.tls.internal.TLSSupportImpl;
}
