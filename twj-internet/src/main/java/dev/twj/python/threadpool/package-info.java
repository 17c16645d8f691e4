/**
 * A pool of threads to which blocking work is dispatched. Port of
 * {@code twisted.python.threadpool}.
 */
package dev.twj.python.threadpool;
