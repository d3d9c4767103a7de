/**
 * Small reversible edits of a graph ({@link org.netwright.model.command.GraphCommand}: add, remove, connect,
 * disconnect, set a parameter, move, group, ungroup, freeze) and the {@link org.netwright.model.command.CommandStack}
 * that runs them with undo and redo. The editor changes the graph only through these.
 */
package org.netwright.model.command;
