package org.netwright.model.command;

import java.util.Optional;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;

/** Draws an edge from an output port to a free input port. */
public record Connect(Edge edge) implements GraphCommand {
    @Override
    public Graph apply(Graph graph) {
        return graph.connect(edge);
    }

    @Override
    public Graph undo(Graph graph) {
        return graph.disconnect(edge);
    }

    @Override
    public String description() {
        return "Connect " + edge;
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        return graph.whyNotConnect(edge);
    }
}
