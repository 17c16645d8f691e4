/**
 * Failure, the carrier of errors through errback chains. Port of {@code twisted.python.failure}.
 */
package dev.twj.python.failure;
