package dev.twj.internet.interfaces;

/**
 * An address, for example a TCP {@code (host, port)}. Port of
 * {@code twisted.internet.interfaces.IAddress}.
 *
 * <p>Implementations are values (records) in {@code dev.twj.internet.address}.
 */
public interface IAddress {}
