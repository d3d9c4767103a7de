/**
 * A training run as plain data, shared by the runner (which emits it) and the app (which draws it): the run
 * events and their one JSON form ({@link org.netwright.model.run.RunEventJson}), the final metrics, the health
 * warnings and the rules that raise them ({@link org.netwright.model.run.HealthRules}), and a stored run as the
 * runs list shows it ({@link org.netwright.model.run.RunSummary}). Nothing here touches DJL or JavaFX.
 */
package org.netwright.model.run;
