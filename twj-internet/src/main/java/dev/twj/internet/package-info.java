/**
 * twj-internet's top-level module functions: the address predicates of
 * {@code twisted.internet.abstract}. The reactor, transports and protocols live in subpackages.
 */
package dev.twj.internet;
