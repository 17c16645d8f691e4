/**
 * AMP, the Asynchronous Messaging Protocol: a port of {@code twisted.protocols.amp}, wire
 * compatible with Twisted's. Boxes of byte-string keys and values carry commands, answers and
 * errors; {@link dev.twj.protocols.amp.Command} subclasses describe commands and
 * {@link dev.twj.protocols.amp.AMP} sends and answers them.
 */
package dev.twj.protocols.amp;
