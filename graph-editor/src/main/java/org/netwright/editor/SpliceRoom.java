package org.netwright.editor;

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
 * right it goes right after the source, its input level with the source's output, and the cards of its row from the
 * target rightwards move right just enough to make room (a column is opened, as Layout would leave one; all cards from
 * the target rightwards when moving the row alone would make a moved card cover another); otherwise, or when that would
 * still cover a card, it goes to the free place nearest the drop, nothing moved. A pure function.
 *
 * @param x the new card's left edge
 * @param y the new card's top edge
 * @param moves the cards moved to make room: id -> {x, y}; empty when none move
 */
public record SpliceRoom(double x, double y, Map<String, double[]> moves) {
    /** Room between a card and the next in a row, as Layout leaves it. */
    static final double GAP = FreePlace.GAP_BETWEEN;

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
                // Only the row the new card goes into moves along: a card of another row (a wrapped chain's next
                // row, a branch below) is not in the way, and moving it would only stretch its connections.
                CardShape toCard = cards.apply(to);
                double top = Math.min(y, to.y());
                double bottom = Math.max(y + card.height(), to.y() + toCard.height());
                for (Node n : graph.nodes().values()) {
                    boolean inRow = n.y() < bottom && n.y() + cards.apply(n).height() > top;
                    if (n.x() >= to.x() && inRow) {
                        moves.put(n.id(), new double[] {n.x() + need, n.y()});
                    }
                }
                if (!movedClear(graph, moves, cards)) {
                    moves.clear();
                    for (Node n : graph.nodes().values()) {
                        if (n.x() >= to.x()) {
                            moves.put(n.id(), new double[] {n.x() + need, n.y()});
                        }
                    }
                }
            }
            if (FreePlace.isFree(graph, moves, cards, x, y, card)) {
                return new SpliceRoom(x, y, moves);
            }
        }
        return nearestFree(graph, node, card, cards);
    }

    /** Whether every moved card, at its new place, keeps clear of all the other cards at theirs. */
    private static boolean movedClear(Graph graph, Map<String, double[]> moves, Function<Node, CardShape> cards) {
        for (Map.Entry<String, double[]> m : moves.entrySet()) {
            CardShape card = cards.apply(graph.require(m.getKey()));
            double[] p = m.getValue();
            for (Node n : graph.nodes().values()) {
                double[] q = moves.getOrDefault(n.id(), new double[] {n.x(), n.y()});
                if (!n.id().equals(m.getKey()) && !FreePlace.apart(p[0], p[1], card, q[0], q[1], cards.apply(n), 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double portY(List<CardShape.PortAt> ports, String name) {
        for (CardShape.PortAt p : ports) {
            if (p.name().equals(name)) {
                return p.y();
            }
        }
        return ports.isEmpty() ? 0 : ports.get(0).y();
    }

    /** The free place nearest the drop point ({@link FreePlace}), nothing moved. */
    private static SpliceRoom nearestFree(Graph graph, Node node, CardShape card, Function<Node, CardShape> cards) {
        double[] at = FreePlace.near(graph, Map.of(), node.x(), node.y(), card, cards);
        return new SpliceRoom(at[0], at[1], Map.of());
    }

}
