package org.netwright.editor.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.editor.canvas.CardShapes;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** A taller card (an Add with its port rows) stands in its row, not above it; the row reads in data-flow order. */
class LayeredLayoutRowsTest {
    private static final CardShapes CARDS = CardShapes.standard();

    /** The walk-through's residual: Dense-ReLU-Dense into an Add that the input also feeds, then a Dense. */
    private static Graph residual() {
        return Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 2), 40, 40),
                        new Node("dense_1", "dense", Map.of("units", 16), 300, 40),
                        new Node("relu_1", "relu", Map.of(), 540, 40),
                        new Node("dense_2", "dense", Map.of("units", 2), 780, 40),
                        new Node("add_1", "add", Map.of("inputs", 2), 1020, 120),
                        new Node("dense_3", "dense", Map.of("units", 2), 1260, 120)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in"), Edge.of("dense_2", "out", "add_1", "in1"),
                        Edge.of("input", "out", "add_1", "in2"), Edge.of("add_1", "out", "dense_3", "in")));
    }

    @Test
    void theAddOfAResidualIsLevelWithItsRowAndAfterTheLayersFeedingIt() {
        Graph g = residual();
        for (double[] view : new double[][] {{940, 525}, {780, 380}, {1200, 500}, {500, 300}}) {
            Map<String, Position> at = LayeredLayout.forView(g, CARDS, view[0], view[1]);
            Position add = at.get("add_1");
            Position before = at.get("dense_2");
            Position after = at.get("dense_3");
            String where = view[0] + "x" + view[1] + ": " + at;
            // Before: the Add stood 65 px above the row (its first input lined up with the one-port cards' output).
            assertTrue(add.y() >= before.y() || add.y() >= after.y(), where);
            if (Math.abs(before.y() - after.y()) < 1) {
                assertEquals(before.y(), add.y(), where);
                assertTrue(before.x() < add.x() && add.x() < after.x(), where);
            }
            for (Edge e : g.edges()) {
                Position a = at.get(e.from().nodeId());
                Position b = at.get(e.to().nodeId());
                boolean sameRow = Math.abs(a.y() - b.y()) < 1;
                assertTrue(sameRow ? b.x() > a.x() : b.y() > a.y(), e + " out of row order at " + where);
            }
        }
    }

    @Test
    void aTallCardThatWouldCoverAnotherStaysWhereItWas() {
        Graph g = residual();
        Map<String, Position> at = new java.util.LinkedHashMap<>(LayeredLayout.positions(g, CARDS,
                Double.POSITIVE_INFINITY));
        Map<String, Position> raised = new java.util.LinkedHashMap<>(at);
        Position dense2 = at.get("dense_2");
        // The Add raised as ELK leaves it, and a card right under the level it would move to.
        double lift = CARDS.apply(g.require("add_1")).inputs().get(0).y() - CARDS.apply(g.require("dense_2")).outputs()
                .get(0).y();
        raised.put("add_1", new Position(at.get("add_1").x(), dense2.y() - lift));
        Graph withBlocker = g.withNode(new Node("blocker", "relu", Map.of(), 0, 0));
        raised.put("blocker", new Position(at.get("add_1").x(), dense2.y() + 100));
        Map<String, Position> out = LayeredLayout.alignTallCards(withBlocker, CARDS, raised);
        assertEquals(dense2.y() - lift, out.get("add_1").y());
    }

    private static Graph chain(int length) {
        Graph.Builder b = Graph.builder();
        b.node(new Node("input", "vector_input", Map.of("features", 8), 0, 0));
        String last = "input";
        for (int i = 1; i < length; i++) {
            b.node(new Node("dense_" + i, "dense", Map.of("units", 8), 0, 0));
            b.connect(Edge.of(last, "out", "dense_" + i, "in"));
            last = "dense_" + i;
        }
        return b.build();
    }

    /**
     * A chain that shows in one row at 100 % stays one row (four cards went two by two, with an edge back across the
     * drawing); one that would need zooming out in a row still wraps.
     */
    @Test
    void aChainThatFitsInOneRowIsNotWrapped() {
        Map<String, Position> four = LayeredLayout.forView(chain(4), CARDS, LayeredLayout.VIEW_WIDTH,
                LayeredLayout.VIEW_HEIGHT);
        assertEquals(1, four.values().stream().map(Position::y).distinct().count(), four.toString());
        Map<String, Position> nine = LayeredLayout.forView(chain(9), CARDS, LayeredLayout.VIEW_WIDTH,
                LayeredLayout.VIEW_HEIGHT);
        assertTrue(nine.values().stream().map(Position::y).distinct().count() > 1, nine.toString());
    }
}
