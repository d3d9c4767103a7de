package org.netwright.model.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Deletes nodes with every edge touching them; undo puts back both. */
public final class RemoveNodes implements GraphCommand {
    private final List<Node> nodes;
    private final List<Edge> edges;

    private RemoveNodes(List<Node> nodes, List<Edge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
    }

    /** Captures the nodes and their edges as they are in {@code graph} now. */
    public static RemoveNodes of(Graph graph, List<String> ids) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (String id : ids) {
            graph.node(id).ifPresent(nodes::add);
        }
        for (Edge e : graph.edges()) {
            if (ids.contains(e.from().nodeId()) || ids.contains(e.to().nodeId())) {
                edges.add(e);
            }
        }
        return new RemoveNodes(nodes, edges);
    }

    public List<String> ids() {
        return nodes.stream().map(Node::id).toList();
    }

    @Override
    public Graph apply(Graph graph) {
        return graph.withoutNodes(ids());
    }

    @Override
    public Graph undo(Graph graph) {
        return graph.withNodes(nodes).connectAll(edges);
    }

    @Override
    public String description() {
        return nodes.size() == 1 ? "Delete " + nodes.get(0).id() : "Delete " + nodes.size() + " nodes";
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        if (nodes.isEmpty()) {
            return Optional.of("Nothing is selected to delete.");
        }
        for (Node n : nodes) {
            if (graph.node(n.id()).isEmpty()) {
                return Optional.of("There is no node " + n.id() + " to delete.");
            }
        }
        return Optional.empty();
    }
}
