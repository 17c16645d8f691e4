/**
 * Basic protocols: line-oriented, netstring and int-prefixed string receivers, and a file sender.
 * Port of {@code twisted.protocols.basic}; bytes are {@code byte[]} and Twisted's names are kept.
 */
package dev.twj.protocols.basic;
