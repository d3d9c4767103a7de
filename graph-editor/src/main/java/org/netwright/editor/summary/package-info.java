/**
 * The model summary: one row per layer (name, type, output shape, parameters, MACs, trainable) with totals, read from
 * the graph and its inferred shapes, and the table that shows it and selects the clicked layer.
 */
package org.netwright.editor.summary;
