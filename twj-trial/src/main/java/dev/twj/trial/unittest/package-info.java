/**
 * Things likely to be used by writers of unit tests: {@link dev.twj.trial.unittest.SynchronousTestCase},
 * {@link dev.twj.trial.unittest.TestCase}, {@link dev.twj.trial.unittest.FailTest} and the skip and
 * todo markers. Port of {@code twisted.trial.unittest}.
 */
package dev.twj.trial.unittest;
