/**
 * Sample test classes for the tests of trial's {@code --order}, {@code --dry-run} and runner:
 * Twisted's {@code twisted.trial.test.ordertests}. They are not run on their own.
 */
package dev.twj.trial.test.ordertests;
