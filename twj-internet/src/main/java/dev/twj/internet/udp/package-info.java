/**
 * UDP ports on {@code java.nio.channels.DatagramChannel}: {@link dev.twj.internet.udp.Port}, the
 * {@link dev.twj.internet.interfaces.IUDPTransport} of a
 * {@link dev.twj.internet.protocol.DatagramProtocol}. Port of {@code twisted.internet.udp}.
 */
package dev.twj.internet.udp;
