package org.netwright.model.command;

import java.util.Optional;
import org.netwright.model.graph.Graph;

/**
 * One small, reversible edit of a graph. Commands are immutable: they capture what they need
 * to undo when they are created, so undo and redo are pure functions of the graph.
 */
public interface GraphCommand {
    /** The graph after the edit. Callers check {@link #whyNot} first. */
    Graph apply(Graph graph);

    /** The graph before the edit, given the graph right after it. */
    Graph undo(Graph graph);

    /** Words for the Edit menu and the project's journal, e.g. "Add Dense". */
    String description();

    /** Why the edit cannot be made on this graph (or would change nothing); empty when it can. */
    Optional<String> whyNot(Graph graph);
}
