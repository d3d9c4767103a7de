package org.netwright.editor.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.editor.canvas.CardShapes;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * A skip connection stays in one row with the layers it skips when that still shows large enough; a network too long
 * for that wraps as before.
 */
class LayeredLayoutSkipsTest {
    private static final CardShapes CARDS = CardShapes.standard();

    /** A chain of {@code n} dense layers after an input, with an add at the end fed also straight from the input. */
    private static Graph residual(int n) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 8), 0, 0));
        String last = "input";
        for (int i = 1; i <= n; i++) {
            nodes.add(new Node("dense_" + i, "dense", Map.of("units", 8), 0, 0));
            edges.add(Edge.of(last, "out", "dense_" + i, "in"));
            last = "dense_" + i;
        }
        nodes.add(new Node("add_1", "add", Map.of("inputs", 2), 0, 0));
        edges.add(Edge.of(last, "out", "add_1", "in1"));
        edges.add(Edge.of("input", "out", "add_1", "in2"));
        nodes.add(new Node("dense_out", "dense", Map.of("units", 2), 0, 0));
        edges.add(Edge.of("add_1", "out", "dense_out", "in"));
        return Graph.of(nodes, edges);
    }

    private static boolean oneRow(Graph g, Map<String, Position> at) {
        return g.edges().stream().allMatch(e -> at.get(e.to().nodeId()).x() > at.get(e.from().nodeId()).x());
    }

    @Test
    void aResidualBlockKeepsItsMainPathInOneRowWithTheShortcutBesideIt() {
        Graph g = residual(5);
        // Wrapped to fill the view, as before, the chain would break into rows with the shortcut across them.
        assertTrue(LayeredLayout.splitSkips(g, LayeredLayout.positions(g, CARDS, 1.2)) > 0);
        Map<String, Position> at = LayeredLayout.forView(g, CARDS, LayeredLayout.VIEW_WIDTH, LayeredLayout.VIEW_HEIGHT);
        assertEquals(0, LayeredLayout.splitSkips(g, at));
        assertTrue(oneRow(g, at), at.toString());
    }

    @Test
    void aChainTooLongForOneRowStillWraps() {
        Graph g = residual(40);
        Map<String, Position> at = LayeredLayout.forView(g, CARDS, LayeredLayout.VIEW_WIDTH, LayeredLayout.VIEW_HEIGHT);
        double[] size = LayeredLayout.size(g, CARDS, at);
        double zoom = Math.min(1, Math.min(LayeredLayout.VIEW_WIDTH / size[0], LayeredLayout.VIEW_HEIGHT / size[1]));
        assertTrue(!oneRow(g, at), "42 cards in one row would show at a few per cent");
        assertTrue(zoom > LayeredLayout.KEEP_SKIPS_DOWN_TO / 2, "zoom " + zoom);
    }
}
