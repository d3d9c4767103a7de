/**
 * One training run: the loop ({@link org.netwright.runner.run.TrainingRun}), the tasks that bind data fields to a
 * graph's inputs and losses (BoundTask, NodeTask, GraphBatchTask, GanTask), metrics, early stopping, the events a
 * run streams to its listeners, and {@link org.netwright.runner.run.TrainedRun}, a stored run reopened for use.
 */
package org.netwright.runner.run;
