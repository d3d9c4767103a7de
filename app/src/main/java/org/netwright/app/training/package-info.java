/**
 * The training panel: its views (settings fields, the Data row with the task, loss and schedule charts, the sample
 * grid, the training options and task editor windows) and their view models (settings form, data check, task
 * editor, run state), and the run's child process with the bridge that brings its events onto the UI thread.
 * Long work (data checks) runs off the UI thread; no view computes a fact the runner or the model owns.
 */
package org.netwright.app.training;
