/**
 * Monkey patching of fields for the length of a test. Port of {@code twisted.python.monkey}; it
 * lives in twj-trial because trial is its only user so far.
 */
package dev.twj.python.monkey;
