/**
 * How a graph trains, as plain data: {@link org.netwright.model.settings.TrainingSettings} (epochs, batch, rate,
 * optimizer, loss, seed, split, data, task), the finer {@link org.netwright.model.settings.TrainingOptions} and the
 * {@link org.netwright.model.settings.DataRecipe} naming where the data come from. Each says its own problems.
 */
package org.netwright.model.settings;
