/**
 * The standard (and little used) TCP protocols inetd provides: echo, discard, chargen, quote of the
 * day, who, daytime and time. Port of {@code twisted.protocols.wire}.
 */
package dev.twj.protocols.wire;
