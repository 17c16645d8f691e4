/**
 * Extended thread dispatching: run work in a thread pool and get a Deferred back, or call into
 * the reactor from another thread and wait for the answer. Port of
 * {@code twisted.internet.threads}.
 */
package dev.twj.internet.threads;
