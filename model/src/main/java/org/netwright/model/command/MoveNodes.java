package org.netwright.model.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Moves nodes by one offset: the end of a drag on the canvas. */
public final class MoveNodes implements GraphCommand {
    private final List<String> ids;
    private final double dx;
    private final double dy;

    public MoveNodes(List<String> ids, double dx, double dy) {
        this.ids = List.copyOf(ids);
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    public Graph apply(Graph graph) {
        return shift(graph, dx, dy);
    }

    @Override
    public Graph undo(Graph graph) {
        return shift(graph, -dx, -dy);
    }

    private Graph shift(Graph graph, double ox, double oy) {
        Map<String, Node> moved = new LinkedHashMap<>();
        for (String id : ids) {
            Node n = graph.require(id);
            moved.put(id, n.at(n.x() + ox, n.y() + oy));
        }
        return graph.withNodes(moved.values());
    }

    @Override
    public String description() {
        return ids.size() == 1 ? "Move " + ids.get(0) : "Move " + ids.size() + " nodes";
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        if (dx == 0 && dy == 0) {
            return Optional.of("Nothing moved.");
        }
        for (String id : ids) {
            if (graph.node(id).isEmpty()) {
                return Optional.of("There is no node " + id + " to move.");
            }
        }
        return Optional.empty();
    }
}
