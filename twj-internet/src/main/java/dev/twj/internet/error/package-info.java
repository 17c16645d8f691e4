/**
 * The exceptions of reactors, transports and delayed calls. Port of {@code twisted.internet.error}:
 * each keeps Twisted's name, its message and its place in the hierarchy.
 */
package dev.twj.internet.error;
