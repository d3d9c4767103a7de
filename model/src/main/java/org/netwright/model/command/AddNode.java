package org.netwright.model.command;

import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Puts a new node on the canvas, e.g. a palette drop. */
public record AddNode(Node node) implements GraphCommand {
    @Override
    public Graph apply(Graph graph) {
        return graph.withNode(node);
    }

    @Override
    public Graph undo(Graph graph) {
        return graph.withoutNodes(java.util.List.of(node.id()));
    }

    @Override
    public String description() {
        return "Add " + node.id();
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        return graph.node(node.id()).isPresent()
                ? Optional.of("A node named " + node.id() + " already exists.")
                : Optional.empty();
    }
}
