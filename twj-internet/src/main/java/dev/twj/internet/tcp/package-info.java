/**
 * TCP on the selector reactor: port of {@code twisted.internet.tcp} and of
 * {@code twisted.internet.abstract.FileDescriptor}. Transports, listening ports and connectors
 * over {@link java.nio.channels.SocketChannel}s, IPv4 and IPv6.
 */
package dev.twj.internet.tcp;
