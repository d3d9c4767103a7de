package org.netwright.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.editor.canvas.CardShapes;
import org.netwright.editor.layout.CardShape;
import org.netwright.model.command.CommandStack;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Edits of the editor that place cards: grouping lays the block's inside out, splicing makes room; all undoable. */
class SelectionEditsTest {
    private static final CardShapes CARDS = CardShapes.standard();

    /** input -> dense_1 -> relu_1 -> dense_2 -> out, the middle three scattered far apart over the canvas. */
    private static Graph scattered() {
        return Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 2), 40, 40),
                        new Node("dense_1", "dense", Map.of("units", 8), 1400, 900),
                        new Node("relu_1", "relu", Map.of(), 300, 1600),
                        new Node("dense_2", "dense", Map.of("units", 8), 2200, 300),
                        new Node("out", "dense", Map.of("units", 2), 2600, 40)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in"), Edge.of("dense_2", "out", "out", "in")));
    }

    @Test
    void groupingLaysTheInsideOutInDataFlowOrderAndUndoRestoresAll() {
        Graph start = scattered();
        EditorModel model = new EditorModel(new CommandStack(start));
        model.select(List.of("dense_1", "relu_1", "dense_2"));

        assertTrue(model.groupSelection(), model.messageProperty().get());

        Graph body = model.graph().require("block_1").body();
        // Read like text, row by row, each layer comes after the one feeding it (Layout may wrap the chain).
        for (Edge e : body.edges()) {
            Node a = body.require(e.from().nodeId());
            Node b = body.require(e.to().nodeId());
            boolean sameRow = Math.abs(a.y() - b.y()) < 60;
            assertTrue(sameRow ? b.x() > a.x() : b.y() > a.y(), e + " runs backwards in " + body.nodes());
        }
        // Near the corner, not at the outer places (x 300-2200, y 300-1600).
        double left = body.nodes().values().stream().mapToDouble(Node::x).min().orElseThrow();
        double top = body.nodes().values().stream().mapToDouble(Node::y).min().orElseThrow();
        double bottom = body.nodes().values().stream().mapToDouble(Node::y).max().orElseThrow();
        assertTrue(left < 100 && top < 100 && bottom < 600, "inside not laid out: " + body.nodes());
        // Five cards show at 83 % in one row: one row from the block's input port to its output port.
        assertEquals(top, bottom, "one row: " + body.nodes());
        assertNoOverlap(body);

        model.undo();
        assertEquals(start, model.graph());
    }

    @Test
    void ungroupingPutsTheLayersBackCentredWhereTheBlockWas() {
        EditorModel model = new EditorModel(new CommandStack(scattered()));
        model.select(List.of("dense_1", "relu_1", "dense_2"));
        model.groupSelection();
        Node block = model.graph().require("block_1");
        model.selectedNodeProperty().set("block_1");

        assertTrue(model.ungroupSelection(), model.messageProperty().get());

        Graph flat = model.graph();
        double minX = 1e9;
        double maxX = -1e9;
        for (String id : List.of("dense_1", "relu_1", "dense_2")) {
            minX = Math.min(minX, flat.require(id).x());
            maxX = Math.max(maxX, flat.require(id).x());
        }
        assertEquals(block.x(), (minX + maxX) / 2, 1);
    }

    @Test
    void ungroupingSeveralSelectedBlocksUngroupsEveryOneAsOneUndoStep() {
        // Two blocks wired to each other: input -> [dense_1, relu_1] -> [dense_2] -> out.
        Graph start = scattered();
        CommandStack stack = new CommandStack(start);
        EditorModel model = new EditorModel(stack);
        model.select(List.of("dense_1", "relu_1"));
        assertTrue(model.groupSelection(), model.messageProperty().get());
        model.select(List.of("dense_2"));
        assertTrue(model.groupSelection(), model.messageProperty().get());
        Graph grouped = model.graph();
        assertEquals(java.util.Set.of("input", "block_1", "block_2", "out"), grouped.nodes().keySet());

        // A plain layer in the selection is left alone; both blocks come apart.
        model.select(List.of("block_1", "input", "block_2"));
        assertTrue(model.ungroupSelection(), model.messageProperty().get());

        Graph flat = model.graph();
        assertEquals(start.nodes().keySet(), flat.nodes().keySet());
        assertEquals(java.util.Set.copyOf(start.edges()), java.util.Set.copyOf(flat.edges()));
        assertEquals(java.util.Set.of("dense_1", "relu_1", "dense_2"), java.util.Set.copyOf(model.selectedNodes()));
        assertEquals(java.util.Optional.of("Ungroup 2 blocks"), stack.undoDescription(), "one edit on the undo stack");

        model.undo();
        assertEquals(grouped, model.graph(), "one undo brings both blocks back");
        model.redo();
        assertEquals(flat, model.graph());
    }

    @Test
    void ungroupingWithNoBlockSelectedSaysWhyAndChangesNothing() {
        EditorModel model = new EditorModel(new CommandStack(scattered()));
        model.select(List.of("dense_1", "relu_1"));

        assertFalse(model.ungroupSelection());

        assertEquals(scattered(), model.graph());
        assertEquals("Select a composite block to ungroup.", model.messageProperty().get());
    }

    @Test
    void aLayerSplicedIntoATightRowMakesRoomAndCoversNoCard() {
        // Layout's spacing: 188 px cards 48 px apart, no room for a third between the first two.
        Graph start = Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 4), 40, 40),
                        new Node("dense_1", "dense", Map.of("units", 8), 276, 40),
                        new Node("dense_2", "dense", Map.of("units", 2), 512, 40),
                        new Node("side", "dense", Map.of("units", 2), 40, 300),
                        new Node("below", "dense", Map.of("units", 2), 512, 300)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "dense_2", "in")));
        EditorModel model = new EditorModel(new CommandStack(start));

        // Dropped right on top of the cards, where the user let go over the line.
        String id = model.spliceLayer("relu", Edge.of("input", "out", "dense_1", "in"), 180, 40).orElseThrow();

        Graph after = model.graph();
        assertNoOverlap(after);
        Node relu = after.require(id);
        assertTrue(relu.x() > after.require("input").x() && relu.x() < after.require("dense_1").x(),
                "the row reads input, relu, dense_1: " + after.nodes());
        assertEquals(40, relu.y(), 20);
        assertTrue(after.require("dense_2").x() > after.require("dense_1").x());
        assertEquals(40, after.require("side").x(), "a card left of the target stays");
        assertEquals(start.require("below"), after.require("below"), "a card of another row stays");

        model.undo();
        assertEquals(start, model.graph());
    }

    @Test
    void aLayerSplicedIntoAConnectionRunningBackwardsGoesToAFreePlace() {
        // A wrapped row: the edge runs from the end of the first row back to the start of the second.
        Graph start = Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 4), 500, 40),
                        new Node("dense_1", "dense", Map.of("units", 8), 40, 260),
                        new Node("dense_2", "dense", Map.of("units", 2), 276, 260)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "dense_2", "in")));
        EditorModel model = new EditorModel(new CommandStack(start));

        String id = model.spliceLayer("relu", Edge.of("input", "out", "dense_1", "in"), 60, 250).orElseThrow();

        assertNoOverlap(model.graph());
        for (String other : List.of("input", "dense_1", "dense_2")) {
            assertEquals(start.require(other), model.graph().require(other), other + " moved");
        }
        assertTrue(model.graph().node(id).isPresent());
    }

    @Test
    void freezingSeveralLayersIsOneUndoStepAndSkipsThoseWithoutWeights() {
        Graph start = scattered();
        EditorModel model = new EditorModel(new CommandStack(start));
        model.select(List.of("dense_1", "relu_1", "dense_2"));

        assertTrue(model.setSelectionTrainable(false));
        assertFalse(model.graph().require("dense_1").trainable());
        assertFalse(model.graph().require("dense_2").trainable());
        assertTrue(model.graph().require("relu_1").trainable(), "a ReLU has no weights to freeze");
        assertFalse(model.setSelectionTrainable(false), "frozen already");
        assertTrue(model.messageProperty().get().contains("frozen already"));

        model.undo();
        assertEquals(start, model.graph());
    }

    private static String placeholder(Graph body, String type) {
        return body.nodes().values().stream().filter(n -> n.type().equals(type)).findFirst().orElseThrow().id();
    }

    private static void assertNoOverlap(Graph g) {
        List<Node> nodes = new ArrayList<>(g.nodes().values());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Node a = nodes.get(i);
                Node b = nodes.get(j);
                CardShape ca = CARDS.apply(a);
                CardShape cb = CARDS.apply(b);
                boolean apart = a.x() + ca.width() <= b.x() || b.x() + cb.width() <= a.x()
                        || a.y() + ca.height() <= b.y() || b.y() + cb.height() <= a.y();
                assertTrue(apart, a.id() + " and " + b.id() + " overlap: " + g.nodes());
            }
        }
    }
}
