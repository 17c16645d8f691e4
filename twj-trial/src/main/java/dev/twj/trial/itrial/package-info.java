/**
 * The interfaces of trial: {@link dev.twj.trial.itrial.IReporter} receives the outcome of each
 * test. Port of {@code twisted.trial.itrial}.
 */
package dev.twj.trial.itrial;
