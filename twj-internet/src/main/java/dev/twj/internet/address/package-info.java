/**
 * Address values: IPv4, IPv6 and UNIX-domain socket addresses. Port of
 * {@code twisted.internet.address}.
 */
package dev.twj.internet.address;
