package org.netwright.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.netwright.editor.layout.CardShape;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * Where a layer spliced into a connection goes, so that its card covers none: on a connection that runs left to
 * right it goes right after the source, its input level with the source's output, and the cards from the target
 * rightwards move right just enough to make room (a column is opened, as Layout would leave one); otherwise, or when
 * that would still cover a card, it goes to the free place nearest the drop, nothing moved. A pure function.
 *
 * @param x the new card's left edge
 * @param y the new card's top edge
 * @param moves the cards moved to make room: id -> {x, y}; empty when none move
 */
public record SpliceRoom(double x, double y, Map<String, double[]> moves) {
    /** Room between a card and the next in a row, as Layout leaves it. */
    static final double GAP = 48;
    /** Room kept between cards when looking for a free place. */
    private static final double CLEAR = 12;

    /** The place for {@code node} (at its drop point) spliced into {@code edge} of {@code graph}. */
    public static SpliceRoom plan(Graph graph, Edge edge, Node node, Function<Node, CardShape> cards) {
        Node from = graph.require(edge.from().nodeId());
        Node to = graph.require(edge.to().nodeId());
        CardShape card = cards.apply(node);
        CardShape fromCard = cards.apply(from);
        if (to.x() > from.x()) {
            double x = from.x() + fromCard.width() + GAP;
            double y = Math.max(0, from.y() + portY(fromCard.outputs(), edge.from().port())
                    - (card.inputs().isEmpty() ? card.height() / 2 : card.inputs().get(0).y()));
            double need = x + card.width() + GAP - to.x();
            Map<String, double[]> moves = new LinkedHashMap<>();
            if (need > 0) {
                for (Node n : graph.nodes().values()) {
                    if (n.x() >= to.x()) {
                        moves.put(n.id(), new double[] {n.x() + need, n.y()});
                    }
                }
            }
            if (free(graph, moves, cards, x, y, card)) {
                return new SpliceRoom(x, y, moves);
            }
        }
        return nearestFree(graph, node, card, cards);
    }

    private static double portY(List<CardShape.PortAt> ports, String name) {
        for (CardShape.PortAt p : ports) {
            if (p.name().equals(name)) {
                return p.y();
            }
        }
        return ports.isEmpty() ? 0 : ports.get(0).y();
    }

    /** The free place nearest the drop point, tried ring by ring on a grid of a card's size. */
    private static SpliceRoom nearestFree(Graph graph, Node node, CardShape card, Function<Node, CardShape> cards) {
        double stepX = card.width() + GAP;
        double stepY = card.height() + CLEAR * 2;
        for (int ring = 0; ring < 20; ring++) {
            List<double[]> tries = new ArrayList<>();
            for (int i = -ring; i <= ring; i++) {
                for (int j = -ring; j <= ring; j++) {
                    if (Math.max(Math.abs(i), Math.abs(j)) == ring) {
                        tries.add(new double[] {node.x() + i * stepX, node.y() + j * stepY});
                    }
                }
            }
            // Nearest first, below before above (the drawing grows downwards, not off the top).
            tries.sort((a, b) -> Double.compare(Math.hypot(a[0] - node.x(), a[1] - node.y()) - (a[1] > node.y() ? 1 : 0),
                    Math.hypot(b[0] - node.x(), b[1] - node.y()) - (b[1] > node.y() ? 1 : 0)));
            for (double[] t : tries) {
                if (t[0] >= 0 && t[1] >= 0 && free(graph, Map.of(), cards, t[0], t[1], card)) {
                    return new SpliceRoom(t[0], t[1], Map.of());
                }
            }
        }
        return new SpliceRoom(node.x(), node.y(), Map.of());
    }

    /** Whether a card at (x, y) keeps clear of every card, those in {@code moves} at their new places. */
    private static boolean free(Graph graph, Map<String, double[]> moves, Function<Node, CardShape> cards, double x,
                                double y, CardShape card) {
        for (Node n : graph.nodes().values()) {
            double[] at = moves.getOrDefault(n.id(), new double[] {n.x(), n.y()});
            CardShape other = cards.apply(n);
            boolean apart = x + card.width() + CLEAR <= at[0] || at[0] + other.width() + CLEAR <= x
                    || y + card.height() + CLEAR <= at[1] || at[1] + other.height() + CLEAR <= y;
            if (!apart) {
                return false;
            }
        }
        return true;
    }
}
