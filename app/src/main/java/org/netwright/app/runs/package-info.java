/**
 * The Runs window: every run the project keeps with its status, settings' results and duration
 * ({@link org.netwright.app.runs.RunsViewModel}, read from the project store through model.run's RunSummary), the
 * chosen runs' curves overlaid on one chart and the settings two of them differ in
 * ({@link org.netwright.app.runs.RunsWindow}).
 */
package org.netwright.app.runs;
