package org.netwright.model.command;

import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Adds several nodes and the edges between them at once: a paste or a duplicate. Undo removes them again. */
public record AddSubgraph(List<Node> nodes, List<Edge> edges, String description) implements GraphCommand {
    public AddSubgraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    @Override
    public Graph apply(Graph graph) {
        return graph.withNodes(nodes).connectAll(edges);
    }

    @Override
    public Graph undo(Graph graph) {
        return graph.withoutNodes(nodes.stream().map(Node::id).toList());
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        if (nodes.isEmpty()) {
            return Optional.of("There is nothing to paste.");
        }
        for (Node n : nodes) {
            if (graph.node(n.id()).isPresent()) {
                return Optional.of("A node named " + n.id() + " already exists.");
            }
        }
        return Optional.empty();
    }
}
