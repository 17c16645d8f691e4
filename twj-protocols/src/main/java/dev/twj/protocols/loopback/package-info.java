/**
 * Testing support for protocols: a loopback between a client and a server protocol, in memory
 * ({@code loopbackAsync}) or over real TCP or UNIX sockets ({@code loopbackTCP},
 * {@code loopbackUNIX}). Port of {@code twisted.protocols.loopback}.
 */
package dev.twj.protocols.loopback;
