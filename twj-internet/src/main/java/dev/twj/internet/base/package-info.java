/**
 * The shared machinery of reactors: ReactorBase (timed calls, system events, threads), the
 * scheduled call every {@code IReactorTime} hands out, the threaded resolver. Port of {@code twisted.internet.base}.
 */
package dev.twj.internet.base;
