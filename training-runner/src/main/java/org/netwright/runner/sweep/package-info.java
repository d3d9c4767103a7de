/**
 * Random search over training settings: {@link org.netwright.runner.sweep.Sweep} runs each trial as a
 * {@code train} of the project in its own child JVM ({@link org.netwright.runner.sweep.TrialProcess}), a few at a
 * time with the cores shared between them, and reads each child's run events back; every trial stays in the
 * project as a run. What is varied and how it is drawn is plain data in {@code model.run} (SweepPlan).
 */
package org.netwright.runner.sweep;
