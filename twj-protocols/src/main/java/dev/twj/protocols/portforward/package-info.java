/**
 * A simple port forwarder: a server protocol that connects to a backend and relays bytes both
 * ways with flow control. Port of {@code twisted.protocols.portforward}.
 */
package dev.twj.protocols.portforward;
