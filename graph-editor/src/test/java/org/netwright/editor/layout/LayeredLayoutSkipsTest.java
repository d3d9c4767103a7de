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

    /**
     * A residual block built by hand (Dense-ReLU-Dense with the skip into an Add), with a few layers before and after
     * it: wherever the rows break, every connection reads forwards, to the right in its row or into a later row, so
     * the Add never stands before the layers it adds up.
     */
    @Test
    void aHandMadeResidualBlockReadsInOrderWhereverItStands() {
        for (int before = 0; before <= 3; before++) {
            for (int inside : new int[] {1, 3, 5}) {
                for (int after = 0; after <= 3; after++) {
                    Graph g = residual(before, inside, after);
                    Map<String, Position> at = LayeredLayout.forView(g, CARDS, LayeredLayout.VIEW_WIDTH,
                            LayeredLayout.VIEW_HEIGHT);
                    for (Edge e : g.edges()) {
                        Node a = g.require(e.from().nodeId());
                        Node b = g.require(e.to().nodeId());
                        Position pa = at.get(a.id());
                        Position pb = at.get(b.id());
                        boolean sameRow = pa.y() < pb.y() + CARDS.apply(b).height()
                                && pb.y() < pa.y() + CARDS.apply(a).height();
                        boolean forwards = sameRow ? pb.x() > pa.x() : pb.y() > pa.y();
                        assertTrue(forwards, before + "/" + inside + "/" + after + ": " + e + " runs back, " + at);
                    }
                }
            }
        }
    }

    /**
     * The skip into the Add's first input and the main path into its second (the order a user who wires the shortcut
     * first gets): the layers after the Add stay level with the row instead of standing above it.
     */
    @Test
    void theLayersAfterAnAddStayInTheRowWhicheverInputTheSkipTakes() {
        Graph wired = residual(0, 3, 2);
        List<Edge> swapped = new ArrayList<>();
        for (Edge e : wired.edges()) {
            String port = e.to().port();
            swapped.add(!e.to().nodeId().equals("add") ? e
                    : Edge.of(e.from().nodeId(), e.from().port(), "add", port.equals("in1") ? "in2" : "in1"));
        }
        Graph g = Graph.of(List.copyOf(wired.nodes().values()), swapped);
        Map<String, Position> at = LayeredLayout.forView(g, CARDS, LayeredLayout.VIEW_WIDTH, LayeredLayout.VIEW_HEIGHT);
        assertTrue(oneRow(g, at), at.toString());
        for (Node n : g.nodes().values()) {
            assertEquals(at.get("input").y(), at.get(n.id()).y(), n.id() + " out of the row: " + at);
        }
    }

    /**
     * A residual block with a projection on its shortcut (two layers, as ResNet's downsampling blocks have), in a
     * network long enough to wrap: the Add and the layers after it stay in the main path's lane of their row, the
     * shortcut's layers below it. The Add used to line up with the shortcut instead and stood, with the rest of the
     * network, in a lane of its own under its row.
     */
    @Test
    void anAddStaysInItsMainPathsRowWhenTheShortcutHasLayersOfItsOwn() {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 8), 0, 0));
        List<String> main = new ArrayList<>(List.of("input"));
        for (int i = 0; i < 9; i++) {
            main.add((i == 4 ? "block_in" : "main_") + i);
        }
        main.add("add");
        for (int i = 0; i < 3; i++) {
            main.add("tail_" + i);
        }
        for (int i = 1; i < main.size(); i++) {
            String id = main.get(i);
            nodes.add(id.equals("add") ? new Node(id, "add", Map.of("inputs", 2), 0, 0)
                    : new Node(id, "dense", Map.of("units", 8), 0, 0));
            edges.add(Edge.of(main.get(i - 1), "out", id, id.equals("add") ? "in1" : "in"));
        }
        nodes.add(new Node("proj", "dense", Map.of("units", 8), 0, 0));
        nodes.add(new Node("proj_norm", "batch_norm", Map.of(), 0, 0));
        edges.add(Edge.of("block_in4", "out", "proj", "in"));
        edges.add(Edge.of("proj", "out", "proj_norm", "in"));
        edges.add(Edge.of("proj_norm", "out", "add", "in2"));
        Graph g = Graph.of(nodes, edges);

        Map<String, Position> at = LayeredLayout.forView(g, CARDS, LayeredLayout.VIEW_WIDTH, LayeredLayout.VIEW_HEIGHT);
        for (int i = 1; i < main.size(); i++) {
            Position before = at.get(main.get(i - 1));
            Position p = at.get(main.get(i));
            // Within a row the main path runs level; a new row starts at the left, below.
            boolean level = p.x() > before.x() && p.y() == before.y();
            boolean nextRow = p.x() < before.x() && p.y() > before.y();
            assertTrue(level || nextRow, main.get(i) + " after " + main.get(i - 1) + ": " + at);
        }
    }

    /** {@code before} dense layers, then a block of {@code inside} dense and ReLU layers skipped into an Add. */
    private static Graph residual(int before, int inside, int after) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 8), 0, 0));
        String last = "input";
        for (int i = 0; i < before + inside; i++) {
            boolean relu = i >= before && (i - before) % 2 == 1;
            String id = (relu ? "relu_" : "dense_") + i;
            nodes.add(new Node(id, relu ? "relu" : "dense", relu ? Map.of() : Map.of("units", 8), 0, 0));
            edges.add(Edge.of(last, "out", id, "in"));
            if (i == before - 1) {
                edges.add(Edge.of(id, "out", "add", "in2"));
            }
            last = id;
        }
        if (before == 0) {
            edges.add(Edge.of("input", "out", "add", "in2"));
        }
        nodes.add(new Node("add", "add", Map.of("inputs", 2), 0, 0));
        edges.add(Edge.of(last, "out", "add", "in1"));
        last = "add";
        for (int i = 0; i < after; i++) {
            nodes.add(new Node("out_" + i, "dense", Map.of("units", 8), 0, 0));
            edges.add(Edge.of(last, "out", "out_" + i, "in"));
            last = "out_" + i;
        }
        return Graph.of(nodes, edges);
    }
}
