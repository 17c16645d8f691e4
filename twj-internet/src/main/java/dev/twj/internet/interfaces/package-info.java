/**
 * The interfaces of reactors, transports, protocols, producers and consumers. Port of
 * {@code twisted.internet.interfaces}.
 */
package dev.twj.internet.interfaces;
