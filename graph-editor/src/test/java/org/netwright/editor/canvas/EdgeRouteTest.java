package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;
import org.netwright.editor.layout.CardShape;
import org.netwright.editor.layout.LayeredLayout;
import org.netwright.editor.layout.Position;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Edges of a laid-out network run orthogonally and cross no card, including the edges that wrap to the next row. */
class EdgeRouteTest {
    /**
     * The sorted cards find exactly the cards a scan over all of them finds, and a route does not depend on the order
     * the cards come in.
     */
    @Test
    void theSortedCardsFindWhatAScanFindsAndTheOrderDoesNotMatter() {
        java.util.Random random = new java.util.Random(7);
        List<Bounds> cards = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Rows of cards of two widths, as a chain wrapped into rows and a few wider ones.
            cards.add(new BoundingBox((i % 25) * 260 + random.nextInt(20), (i / 25) * 160, i % 7 == 0 ? 240 : 188, 92));
        }
        EdgeRoute.Cards sorted = new EdgeRoute.Cards(cards);
        for (int t = 0; t < 200; t++) {
            double left = random.nextDouble() * 7000 - 300;
            double right = left + random.nextDouble() * 3000;
            java.util.Set<Bounds> scanned = new java.util.HashSet<>();
            for (Bounds b : cards) {
                if (b.getMaxX() > left && b.getMinX() < right) {
                    scanned.add(b);
                }
            }
            org.junit.jupiter.api.Assertions.assertEquals(scanned, new java.util.HashSet<>(sorted.across(left, right)));
        }
        List<Bounds> reversed = new ArrayList<>(cards);
        java.util.Collections.reverse(reversed);
        for (int row = 0; row < 15; row++) {
            // From the end of a row back to the start of the next: the long run takes a gap between rows.
            Point2D from = new Point2D(24 * 260 + 188, row * 160 + 24);
            Point2D to = new Point2D(0, (row + 1) * 160 + 24);
            org.junit.jupiter.api.Assertions.assertEquals(EdgeRoute.route(from, to, cards),
                    EdgeRoute.route(from, to, reversed));
        }
    }

    private static final CardShapes CARDS = CardShapes.standard();

    /** A chain long enough to wrap into rows, with residual skips (Add) over two layers each. */
    private static Graph residualChain() {
        Graph.Builder b = Graph.builder();
        b.node(new Node("input", "vector_input", Map.of("features", 8), 0, 0));
        String last = "input";
        for (int i = 1; i <= 6; i++) {
            b.node(new Node("dense_" + i, "dense", Map.of("units", 8), 0, 0));
            b.node(new Node("relu_" + i, "relu", Map.of(), 0, 0));
            b.node(new Node("add_" + i, "add", Map.of(), 0, 0));
            b.connect(Edge.of(last, "out", "dense_" + i, "in"));
            b.connect(Edge.of("dense_" + i, "out", "relu_" + i, "in"));
            b.connect(Edge.of("relu_" + i, "out", "add_" + i, "in1"));
            b.connect(Edge.of(last, "out", "add_" + i, "in2"));
            last = "add_" + i;
        }
        return b.build();
    }

    @Test
    void everyRouteIsOrthogonalAndCrossesNoCard() {
        Graph g = residualChain();
        Map<String, Position> at = LayeredLayout.forView(g, CARDS, LayeredLayout.VIEW_WIDTH, LayeredLayout.VIEW_HEIGHT);
        List<Bounds> cards = new ArrayList<>();
        for (Node n : g.nodes().values()) {
            CardShape c = CARDS.apply(n);
            cards.add(new BoundingBox(at.get(n.id()).x(), at.get(n.id()).y(), c.width(), c.height()));
        }
        long rows = at.values().stream().map(Position::y).distinct().count();
        assertTrue(rows > 1, "the chain should wrap into rows for this test to mean anything");
        for (Edge e : g.edges()) {
            Point2D from = port(g, at, e.from().nodeId(), e.from().port(), false);
            Point2D to = port(g, at, e.to().nodeId(), e.to().port(), true);
            List<Point2D> route = EdgeRoute.route(from, to, cards);
            for (int i = 0; i + 1 < route.size(); i++) {
                Point2D a = route.get(i);
                Point2D b = route.get(i + 1);
                assertTrue(a.getX() == b.getX() || a.getY() == b.getY(), e + " has a slanted part " + a + " -> " + b);
                assertTrue(EdgeRoute.free(a, b, cards), e + " crosses a card between " + a + " and " + b);
            }
        }
    }

    /**
     * A wire drawn back from Flatten to a Dense left of and above it, before Layout, among cards placed by hand: a
     * card sits just right of Flatten, so no route down its right side is free, and the route used to be drawn
     * straight through the cards.
     */
    @Test
    void aWireDrawnBackToACardLeftOfItsSourceGoesAroundTheCards() {
        Bounds flatten = new BoundingBox(658, 606, 188, 66);
        Bounds dense = new BoundingBox(456, 334, 188, 82);
        List<Bounds> cards = List.of(flatten, dense, new BoundingBox(861, 537, 188, 66),
                new BoundingBox(886, 229, 188, 85), new BoundingBox(182, 354, 188, 96),
                new BoundingBox(555, 213, 188, 96), new BoundingBox(104, 584, 188, 104),
                new BoundingBox(93, 187, 188, 104), new BoundingBox(392, 605, 188, 80));
        assertCrossesNoCard(new Point2D(flatten.getMaxX(), 636), new Point2D(dense.getMinX(), 364), cards);
    }

    /** Wherever cards are put by hand (at least the 12 px apart new cards keep), no wire between two crosses a card. */
    @Test
    void noWireBetweenCardsPlacedByHandCrossesACard() {
        java.util.Random random = new java.util.Random(1);
        for (int t = 0; t < 3000; t++) {
            List<Bounds> cards = new ArrayList<>();
            int wanted = 2 + random.nextInt(8);
            for (int k = 0; k < wanted * 5 && cards.size() < wanted; k++) {
                Bounds b = new BoundingBox(random.nextInt(900), random.nextInt(700), 188, 60 + random.nextInt(46));
                if (cards.stream().allMatch(o -> b.getMinX() >= o.getMaxX() + 12 || o.getMinX() >= b.getMaxX() + 12
                        || b.getMinY() >= o.getMaxY() + 12 || o.getMinY() >= b.getMaxY() + 12)) {
                    cards.add(b);
                }
            }
            Bounds source = cards.get(random.nextInt(cards.size()));
            Bounds target = cards.get(random.nextInt(cards.size()));
            if (source != target) {
                assertCrossesNoCard(new Point2D(source.getMaxX(), source.getMinY() + 30),
                        new Point2D(target.getMinX(), target.getMinY() + 30), cards);
            }
        }
    }

    private static void assertCrossesNoCard(Point2D from, Point2D to, List<Bounds> cards) {
        List<Point2D> route = EdgeRoute.route(from, to, cards);
        assertTrue(route.get(0).equals(from) && route.get(route.size() - 1).equals(to), "ends " + route);
        assertTrue(route.get(1).getX() > from.getX() && route.get(route.size() - 2).getX() < to.getX(),
                "a route leaves its port to the right and enters its port from the left: " + route);
        for (int i = 0; i + 1 < route.size(); i++) {
            Point2D a = route.get(i);
            Point2D b = route.get(i + 1);
            assertTrue(a.getX() == b.getX() || a.getY() == b.getY(), "a slanted part " + a + " -> " + b);
            assertTrue(EdgeRoute.free(a, b, cards), "the route " + route + " from " + from + " to " + to
                    + " crosses a card between " + a + " and " + b + "; cards " + cards);
        }
    }

    private static Point2D port(Graph g, Map<String, Position> at, String id, String port, boolean input) {
        CardShape c = CARDS.apply(g.require(id));
        for (CardShape.PortAt p : input ? c.inputs() : c.outputs()) {
            if (p.name().equals(port)) {
                return new Point2D(at.get(id).x() + (input ? 0 : c.width()), at.get(id).y() + p.y());
            }
        }
        throw new AssertionError("no port " + id + "." + port);
    }
}
