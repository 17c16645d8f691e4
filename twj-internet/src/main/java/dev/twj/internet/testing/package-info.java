/**
 * Test doubles for code built on twj-internet: transports that keep what is written in memory,
 * fake reactors, accumulating protocols, and in-memory connections between two protocols. Port of
 * {@code twisted.internet.testing} and {@code twisted.test.iosim}.
 */
package dev.twj.internet.testing;
