/**
 * Test doubles for code built on twj-internet: transports that keep what is written in memory,
 * fake reactors, and accumulating protocols. Port of {@code twisted.internet.testing}.
 */
package dev.twj.internet.testing;
