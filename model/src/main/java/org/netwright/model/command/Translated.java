package org.netwright.model.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * An edit made on a view that shows the graph moved by ({@code dx}, {@code dy}), e.g. a block's inside shifted clear
 * of the canvas's top-left corner: {@code inner} sees the moved graph (so a layer dropped at a point lands there) and
 * the result is moved back. Whole-number offsets keep undo exact.
 */
public record Translated(GraphCommand inner, double dx, double dy) implements GraphCommand {
    /** {@code graph} with every node moved by ({@code dx}, {@code dy}); the same graph for a zero offset. */
    public static Graph moved(Graph graph, double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return graph;
        }
        List<Node> nodes = new ArrayList<>(graph.nodes().size());
        for (Node n : graph.nodes().values()) {
            nodes.add(n.at(n.x() + dx, n.y() + dy));
        }
        return graph.withNodes(nodes);
    }

    @Override
    public Graph apply(Graph graph) {
        return moved(inner.apply(moved(graph, dx, dy)), -dx, -dy);
    }

    @Override
    public Graph undo(Graph graph) {
        return moved(inner.undo(moved(graph, dx, dy)), -dx, -dy);
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        return inner.whyNot(moved(graph, dx, dy));
    }
}
