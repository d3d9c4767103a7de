package org.netwright.model.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Puts nodes at new places at once, each its own (an automatic layout); undo puts them back where they were. */
public final class PlaceNodes implements GraphCommand {
    private final Map<String, double[]> before;
    private final Map<String, double[]> after;
    private final String description;

    private PlaceNodes(Map<String, double[]> before, Map<String, double[]> after, String description) {
        this.before = before;
        this.after = after;
        this.description = description;
    }

    /** Moves each node named in {@code to} (id -> {x, y}) from where it is in {@code graph}. */
    public static PlaceNodes of(Graph graph, Map<String, double[]> to, String description) {
        Map<String, double[]> from = new LinkedHashMap<>();
        Map<String, double[]> dest = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : to.entrySet()) {
            Node n = graph.require(e.getKey());
            from.put(n.id(), new double[] {n.x(), n.y()});
            dest.put(n.id(), e.getValue().clone());
        }
        return new PlaceNodes(from, dest, description);
    }

    @Override
    public Graph apply(Graph graph) {
        return place(graph, after);
    }

    @Override
    public Graph undo(Graph graph) {
        return place(graph, before);
    }

    private static Graph place(Graph graph, Map<String, double[]> at) {
        List<Node> moved = new ArrayList<>();
        for (Map.Entry<String, double[]> e : at.entrySet()) {
            moved.add(graph.require(e.getKey()).at(e.getValue()[0], e.getValue()[1]));
        }
        return graph.withNodes(moved);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        boolean moves = false;
        for (Map.Entry<String, double[]> e : after.entrySet()) {
            Optional<Node> n = graph.node(e.getKey());
            if (n.isEmpty()) {
                return Optional.of("There is no node " + e.getKey() + " to move.");
            }
            moves |= n.get().x() != e.getValue()[0] || n.get().y() != e.getValue()[1];
        }
        return moves ? Optional.empty() : Optional.of("Every node is already where the layout puts it.");
    }
}
