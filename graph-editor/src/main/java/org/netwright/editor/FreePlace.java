package org.netwright.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.netwright.editor.layout.CardShape;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * The free place for a new card nearest a wanted one, so that it covers no card: tried ring by ring around the wanted
 * place on a grid of the card's size, nearest first. A pure function, used for spliced and double-clicked layers.
 */
public final class FreePlace {
    /** Room between a card and the next in a row, as Layout leaves it. */
    public static final double GAP_BETWEEN = 48;
    /** Room kept between cards. */
    static final double CLEAR = 12;

    private FreePlace() {
    }

    /**
     * The top-left corner {x, y} nearest ({@code x}, {@code y}) where {@code card} covers none of {@code graph}'s
     * cards (those in {@code moves} taken at their new places); the wanted place itself when no free one is near.
     */
    public static double[] near(Graph graph, Map<String, double[]> moves, double x, double y, CardShape card,
                                Function<Node, CardShape> cards) {
        double stepX = card.width() + GAP_BETWEEN;
        double stepY = card.height() + CLEAR * 2;
        for (int ring = 0; ring < 20; ring++) {
            List<double[]> tries = new ArrayList<>();
            for (int i = -ring; i <= ring; i++) {
                for (int j = -ring; j <= ring; j++) {
                    if (Math.max(Math.abs(i), Math.abs(j)) == ring) {
                        tries.add(new double[] {x + i * stepX, y + j * stepY});
                    }
                }
            }
            // Nearest first, below before above (the drawing grows downwards, not off the top).
            tries.sort((a, b) -> Double.compare(Math.hypot(a[0] - x, a[1] - y) - (a[1] > y ? 1 : 0),
                    Math.hypot(b[0] - x, b[1] - y) - (b[1] > y ? 1 : 0)));
            for (double[] t : tries) {
                if (t[0] >= 0 && t[1] >= 0 && isFree(graph, moves, cards, t[0], t[1], card)) {
                    return t;
                }
            }
        }
        return new double[] {x, y};
    }

    /** Whether a card at (x, y) keeps clear of every card, those in {@code moves} at their new places. */
    public static boolean isFree(Graph graph, Map<String, double[]> moves, Function<Node, CardShape> cards, double x,
                                 double y, CardShape card) {
        for (Node n : graph.nodes().values()) {
            double[] at = moves.getOrDefault(n.id(), new double[] {n.x(), n.y()});
            if (!apart(x, y, card, at[0], at[1], cards.apply(n), CLEAR)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a card at (x, y) and {@code other} at (ox, oy) are at least {@code margin} apart on some side. */
    static boolean apart(double x, double y, CardShape card, double ox, double oy, CardShape other, double margin) {
        return x + card.width() + margin <= ox || ox + other.width() + margin <= x
                || y + card.height() + margin <= oy || oy + other.height() + margin <= y;
    }
}
