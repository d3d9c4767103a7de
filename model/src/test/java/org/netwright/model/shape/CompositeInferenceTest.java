package org.netwright.model.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.ResidualGraphs;
import org.netwright.model.command.GroupNodes;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Shape inference sees through composite blocks: shapes, parameter and MAC totals, and problems inside them. */
class CompositeInferenceTest {
    @Test
    void aCompositeHasItsBodysShapesParametersAndMacs() {
        GraphShapes flat = ShapeInference.infer(ResidualGraphs.flat());
        GraphShapes grouped = ShapeInference.infer(ResidualGraphs.grouped());
        assertTrue(grouped.isValid(), grouped.problems().toString());
        NodeReport block = grouped.report("block1");
        assertEquals(Map.of("out", Shape.of(8)), block.outputs());
        // Two Dense 8→8 layers: 2·(8·8 + 8).
        assertEquals(144, block.params());
        assertEquals(flat.report("a").macs() + flat.report("b").macs(), block.macs());
        assertEquals(flat.totalParams(), grouped.totalParams());
        assertEquals(flat.totalMacs(), grouped.totalMacs());
        assertEquals(List.of("in"), CompositePorts.inputs(ResidualGraphs.grouped().require("block1")));
    }

    @Test
    void aProblemInsideNamesTheCompositeAndTheInnerNode() {
        Graph g = ResidualGraphs.grouped();
        Node block = g.require("block1");
        // Ask the inner Add for three inputs: in3 is not connected inside the body.
        Graph broken = g.withNode(block.withBody(block.body().withNode(block.body().require("sum").withParam("inputs", 3))));
        GraphShapes s = ShapeInference.infer(broken);
        assertEquals("block1 › sum (Add): input 'in3' is not connected", s.report("block1").problem().orElseThrow());
        assertTrue(s.report("act2").blocked());
    }

    @Test
    void aShapeMismatchInsideSaysWhatTheInnerLayerExpected() {
        // A sampling layer inside, fed mu and log_var of different sizes through two exposed inputs.
        Graph outer = Graph.of(List.of(new Node("mu", "vector_input", Map.of("features", 4), 0, 0),
                        new Node("lv", "vector_input", Map.of("features", 3), 0, 0),
                        new Node("z", "sampling", Map.of(), 0, 0)),
                List.of(Edge.of("mu", "out", "z", "mu"), Edge.of("lv", "out", "z", "log_var")));
        Graph g = GroupNodes.of(outer, List.of("z"), "vae", "reparam").apply(outer);
        GraphShapes s = ShapeInference.infer(g);
        assertEquals("vae › z (Sampling (VAE)) expects mu and log_var of one shape, but mu is a vector of 4 and "
                + "log_var is a vector of 3", s.report("vae").problem().orElseThrow());
    }

    @Test
    void anUnconnectedExposedInputIsReported() {
        Graph g = ResidualGraphs.grouped();
        g = g.disconnect(Edge.of("input", "out", "block1", "in"));
        assertEquals("block1 (residual): input 'in' is not connected", ShapeInference.infer(g).report("block1")
                .problem().orElseThrow());
    }

    @Test
    void placeholdersOutsideACompositeAreReported() {
        Graph g = Graph.of(List.of(new Node("p", "composite_input", Map.of("port", "in"), 0, 0),
                new Node("q", "composite_output", Map.of(), 0, 0)), List.of(Edge.of("p", "out", "q", "in")));
        GraphShapes s = ShapeInference.infer(g);
        assertTrue(s.report("p").problem().orElseThrow().startsWith(
                "p (Composite input) stands for an input port of a composite block and works only inside one"));
        assertTrue(s.report("q").problem().orElseThrow().startsWith("q (Composite output) stands for an output port"));
    }

    @Test
    void aCompositeWithoutABodyIsReported() {
        Graph g = Graph.of(List.of(new Node("c", "composite", Map.of("name", "empty"), 0, 0)), List.of());
        assertEquals("c (empty): has no layers inside; select layers and group them to make a block",
                ShapeInference.infer(g).report("c").problem().orElseThrow());
    }

    @Test
    void compositesNestAndStillSumTheirParameters() {
        Graph once = ResidualGraphs.grouped();
        Graph twice = GroupNodes.of(once, List.of("block1", "act2"), "stage1", "stage").apply(once);
        GraphShapes s = ShapeInference.infer(twice);
        assertTrue(s.isValid(), s.problems().toString());
        assertEquals(144, s.report("stage1").params());
        assertEquals(ShapeInference.infer(ResidualGraphs.flat()).totalParams(), s.totalParams());
        assertEquals(Map.of("out", Shape.of(8)), s.report("stage1").outputs());
    }
}
