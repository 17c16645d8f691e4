/**
 * Testing support for protocols: an in-memory loopback between a client and a server protocol.
 * Port of {@code twisted.protocols.loopback} without {@code loopbackTCP}/{@code loopbackUNIX}.
 */
package dev.twj.protocols.loopback;
