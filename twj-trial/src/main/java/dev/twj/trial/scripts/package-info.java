/**
 * The {@code trial} command line. Port of {@code twisted.scripts.trial}.
 */
package dev.twj.trial.scripts;
