package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.ShapeInference;

/**
 * Which layers a wire dropped on empty canvas offers, judged as the editor judges a wire (EditorModel.whyNotWire),
 * not by matching a problem's words: merges with a free input take it; a source with a problem offers nothing.
 */
class WireDropChoicesTest {
    private static List<String> offered(Graph g, String node) {
        return WireDropMenu.choices(g, ShapeInference.infer(g), new PortRef(node, "out")).stream()
                .map(c -> c.spec().id() + ":" + c.port()).toList();
    }

    private static Node vectorInput(int features) {
        return new Node("x", "vector_input", Map.of("features", features), 0, 0);
    }

    @Test
    void mergesWithTheirOtherInputsStillFreeTakeTheWireIntoTheirFirstInput() {
        List<String> ids = offered(Graph.of(List.of(vectorInput(8)), List.of()), "x");
        assertTrue(ids.contains("add:in1") && ids.contains("concatenate:in1") && ids.contains("multiply:in1"),
                ids.toString());
        assertTrue(ids.contains("dense:in"), ids.toString());
        assertFalse(ids.contains("conv2d:in"), "a Conv2d does not take a vector: " + ids);
    }

    @Test
    void aSourceWithAProblemOfItsOwnOffersNothing() {
        // A Conv2d fed a vector: it is red, and what it gives is unknown.
        Graph red = Graph.of(List.of(vectorInput(8), new Node("conv", "conv2d", Map.of(), 0, 0)),
                List.of(Edge.of("x", "out", "conv", "in")));
        assertEquals(List.of(), offered(red, "conv"));
        // A Dense after it waits for it (blocked): nothing can be judged after it either.
        Graph waiting = red.withNode(new Node("dense", "dense", Map.of(), 0, 0))
                .connect(Edge.of("conv", "out", "dense", "in"));
        assertEquals(List.of(), offered(waiting, "dense"));
        // An Add with a free input gives nothing yet.
        Graph half = Graph.of(List.of(vectorInput(8), new Node("sum", "add", Map.of(), 0, 0)),
                List.of(Edge.of("x", "out", "sum", "in1")));
        assertEquals(List.of(), offered(half, "sum"));
    }

    @Test
    void anEmptyListSaysToFixTheSourceWhenTheSourceIsWhatIsWrong() {
        Graph red = Graph.of(List.of(vectorInput(8), new Node("conv", "conv2d", Map.of(), 0, 0)),
                List.of(Edge.of("x", "out", "conv", "in")));
        assertEquals("Fix 'conv' first (see its card): what it gives is not known until then.",
                WireDropMenu.title(ShapeInference.infer(red), new PortRef("conv", "out"), List.of()));
        Graph waiting = red.withNode(new Node("dense", "dense", Map.of(), 0, 0))
                .connect(Edge.of("conv", "out", "dense", "in"));
        assertEquals("'dense' waits for a layer before it (the red card): what it gives is not known until that is"
                + " fixed.", WireDropMenu.title(ShapeInference.infer(waiting), new PortRef("dense", "out"), List.of()));
        Graph fine = Graph.of(List.of(vectorInput(8)), List.of());
        assertEquals("No layer takes what x.out gives.",
                WireDropMenu.title(ShapeInference.infer(fine), new PortRef("x", "out"), List.of()));
        assertEquals("Add a layer fed by x.out:", WireDropMenu.title(ShapeInference.infer(fine),
                new PortRef("x", "out"), WireDropMenu.choices(fine, ShapeInference.infer(fine), new PortRef("x", "out"))));
    }
}
