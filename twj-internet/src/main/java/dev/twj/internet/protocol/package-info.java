/**
 * Protocols and the factories that build them: the classes users extend to write network code.
 * Port of {@code twisted.internet.protocol}.
 */
package dev.twj.internet.protocol;
