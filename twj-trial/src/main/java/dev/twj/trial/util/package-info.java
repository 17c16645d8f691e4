/**
 * trial's utilities: the janitor that cleans the reactor after each test and the error it reports.
 * Port of {@code twisted.trial.util}.
 */
package dev.twj.trial.util;
