package org.netwright.editor;

import java.util.ArrayList;
import java.util.List;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * How a block's body is shown when it is opened for editing: the placeholders of its input ports stand left of
 * every layer and those of its outputs right of them, so the block's ports sit at the view's edges; each keeps its
 * height. Only the view changes (moves are relative, so dragging a port moves it up or down along its edge).
 */
final class PortsAtEdges {
    /** Room between a port's card and the nearest layer's: a card's width and a gap. */
    static final double GAP = 188 + 72;

    private PortsAtEdges() {
    }

    static Graph place(Graph body) {
        List<Node> layers = body.nodes().values().stream().filter(n -> !CompositePorts.isPlaceholder(n)).toList();
        if (layers.isEmpty() || layers.size() == body.nodes().size()) {
            return body;
        }
        double left = layers.stream().mapToDouble(Node::x).min().orElseThrow() - GAP;
        double right = layers.stream().mapToDouble(Node::x).max().orElseThrow() + GAP;
        List<Node> moved = new ArrayList<>();
        for (Node n : body.nodes().values()) {
            if (CompositePorts.INPUT.equals(n.type()) && n.x() != left) {
                moved.add(n.at(left, n.y()));
            } else if (CompositePorts.OUTPUT.equals(n.type()) && n.x() != right) {
                moved.add(n.at(right, n.y()));
            }
        }
        return moved.isEmpty() ? body : body.withNodes(moved);
    }
}
