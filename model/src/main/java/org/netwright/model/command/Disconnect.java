package org.netwright.model.command;

import java.util.Optional;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;

/** Removes one edge. */
public record Disconnect(Edge edge) implements GraphCommand {
    @Override
    public Graph apply(Graph graph) {
        return graph.disconnect(edge);
    }

    @Override
    public Graph undo(Graph graph) {
        return graph.connect(edge);
    }

    @Override
    public String description() {
        return "Disconnect " + edge;
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        return graph.edges().contains(edge) ? Optional.empty() : Optional.of("There is no edge " + edge + ".");
    }
}
