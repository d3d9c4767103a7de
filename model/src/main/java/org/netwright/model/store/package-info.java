/**
 * The project file: one SQLite database holding the graph, settings, runs, metrics and checkpoints
 * ({@link org.netwright.model.store.ProjectStore}), the checks that refuse files we did not make or that carry
 * anything our schema lacks, and the schema's migrations. The only package of the model that touches java.sql.
 */
package org.netwright.model.store;
