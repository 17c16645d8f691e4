/**
 * twj-deferred: Deferred and Failure, and the core of twisted.logger. Needs no reactor.
 */
module dev.twj.deferred {
    // ListenableFuture appears in Deferred.fromFuture's signature.
    requires transitive com.google.common;

    exports dev.twj.internet.defer;
    exports dev.twj.python.failure;
    exports dev.twj.python.lockfile;
    exports dev.twj.logger;
    exports dev.twj.contextvars;
}
