/**
 * Quick checks of a network before a long run: {@link org.netwright.runner.check.OverfitCheck} (can it memorise one
 * batch?) and {@link org.netwright.runner.check.RateRangeTest} (loss against an exponentially growing learning rate,
 * with a suggested rate). Both train a throw-away copy through {@link org.netwright.runner.run.TrainingRun} and keep
 * nothing: a project's weights and runs are untouched. The judging parts ({@link
 * org.netwright.runner.check.OverfitVerdict}, {@link org.netwright.runner.check.RateCurve}) are pure functions.
 */
package org.netwright.runner.check;
