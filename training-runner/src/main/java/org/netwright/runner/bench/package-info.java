/**
 * The speed benchmark behind {@code netwright bench}: a training step of each template family timed in our runner
 * ({@link org.netwright.runner.run.TrainingRun}) against the same model written in plain DJL, at one thread and at
 * all cores, plus the cost of the per-step listeners and of assembling a batch.
 */
package org.netwright.runner.bench;
