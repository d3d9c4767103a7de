package org.netwright.model.command;

import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;

/**
 * Puts a new layer into an existing connection: the edge {@code a -> b} becomes {@code a -> node.input} and
 * {@code node.output -> b} (a layer dropped onto an edge). Undo takes the layer out and restores the edge.
 */
public record SpliceNode(Edge edge, Node node, String input, String output) implements GraphCommand {
    @Override
    public Graph apply(Graph graph) {
        return graph.disconnect(edge).withNode(node).connectAll(List.of(
                new Edge(edge.from(), new PortRef(node.id(), input)),
                new Edge(new PortRef(node.id(), output), edge.to())));
    }

    @Override
    public Graph undo(Graph graph) {
        return graph.withoutNodes(List.of(node.id())).connect(edge);
    }

    @Override
    public String description() {
        return "Insert " + node.id() + " into " + edge;
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        if (!graph.edges().contains(edge)) {
            return Optional.of("There is no edge " + edge + " to insert into.");
        }
        if (graph.node(node.id()).isPresent()) {
            return Optional.of("A node named " + node.id() + " already exists.");
        }
        return Optional.empty();
    }
}
