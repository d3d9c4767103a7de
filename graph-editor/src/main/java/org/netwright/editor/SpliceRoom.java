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

    /** The free place nearest the drop point ({@link FreePlace}), nothing moved. */
    private static SpliceRoom nearestFree(Graph graph, Node node, CardShape card, Function<Node, CardShape> cards) {
        double[] at = FreePlace.near(graph, Map.of(), node.x(), node.y(), card, cards);
        return new SpliceRoom(at[0], at[1], Map.of());
    }

    private static boolean free(Graph graph, Map<String, double[]> moves, Function<Node, CardShape> cards, double x,
                                double y, CardShape card) {
        return FreePlace.isFree(graph, moves, cards, x, y, card);
    }
}
