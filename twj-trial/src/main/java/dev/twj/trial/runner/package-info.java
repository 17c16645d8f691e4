/**
 * trial's loader and runner for the command line: find test cases by name and run them into a
 * reporter. Port of {@code twisted.trial.runner}.
 */
package dev.twj.trial.runner;
