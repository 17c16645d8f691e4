/**
 * The shared machinery of reactors: the scheduled call that every {@code IReactorTime} hands out.
 * Port of {@code twisted.internet.base}; the reactor base class will join it.
 */
package dev.twj.internet.base;
