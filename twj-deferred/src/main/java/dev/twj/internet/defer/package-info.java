/**
 * Deferred, the result of an operation that has not finished yet, and the tools built on it:
 * DeferredList, gatherResults, race, locks, semaphores, queues and inlineCallbacks. Port of
 * {@code twisted.internet.defer}; it needs no reactor.
 */
package dev.twj.internet.defer;
