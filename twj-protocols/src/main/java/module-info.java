/**
 * twj-protocols: LineReceiver, Netstring, IntN, policies, wire, loopback, portforward and AMP.
 */
module dev.twj.protocols {
    requires transitive dev.twj.internet;

    exports dev.twj.protocols.amp;
    exports dev.twj.protocols.basic;
}
