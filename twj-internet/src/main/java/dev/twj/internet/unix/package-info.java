/**
 * UNIX domain stream sockets on the JDK's {@code UnixDomainSocketAddress} (JDK 16+): the
 * listening {@link dev.twj.internet.unix.Port}, its {@link dev.twj.internet.unix.Server}
 * transports and the {@link dev.twj.internet.unix.Client}/{@link dev.twj.internet.unix.Connector}
 * pair. Port of {@code twisted.internet.unix}; the transports subclass
 * {@link dev.twj.internet.tcp.Connection}, as Twisted's subclass {@code twisted.internet.tcp}'s.
 */
package dev.twj.internet.unix;
