/**
 * Reporters that collect test outcomes: {@link dev.twj.trial.reporter.TestResult} keeps them in
 * lists. Port of the result-keeping part of {@code twisted.trial.reporter}.
 */
package dev.twj.trial.reporter;
