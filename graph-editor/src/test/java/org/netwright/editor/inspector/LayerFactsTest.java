package org.netwright.editor.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.ShapeInference;

class LayerFactsTest {
    private final Graph graph = Graph.of(List.of(
                    new Node("vec", "vector_input", Map.of("features", 4), 0, 0),
                    new Node("dense", "dense", Map.of("units", 8), 0, 0),
                    new Node("sum", "add", Map.of(), 0, 0)),
            List.of(Edge.of("vec", "out", "dense", "in"), Edge.of("dense", "out", "sum", "in1")));

    private LayerFacts facts(String id) {
        return LayerFacts.of(graph, ShapeInference.infer(graph), id).orElseThrow();
    }

    @Test
    void aWiredLayerShowsWhereItsInputComesFromAndWhatItCosts() {
        LayerFacts dense = facts("dense");

        assertEquals(List.of("Input: 4 from vec"), dense.inputs());
        assertEquals("8", dense.output());
        assertEquals(4 * 8 + 8, dense.params());
        assertEquals(32, dense.macs());
        assertTrue(dense.isOk());
    }

    @Test
    void aMergeNamesEachPortAndSaysWhichOneIsFree() {
        LayerFacts sum = facts("sum");

        assertEquals(List.of("Input in1: 8 from dense", "Input in2: not connected"), sum.inputs());
        assertEquals("?", sum.output());
        assertTrue(sum.problem().orElseThrow().contains("in2"));
    }

    @Test
    void aFreeInputOrAnEarlierLayersProblemIsAToDoNotThisLayersError() {
        assertTrue(facts("sum").toDo(), "the skip input is still to wire");
        Graph broken = Graph.of(List.of(
                        new Node("img", "image_input", Map.of(), 0, 0),
                        new Node("flat", "flatten", Map.of(), 0, 0),
                        new Node("conv", "conv2d", Map.of(), 0, 0),
                        new Node("after", "relu", Map.of(), 0, 0)),
                List.of(Edge.of("img", "out", "flat", "in"), Edge.of("flat", "out", "conv", "in"),
                        Edge.of("conv", "out", "after", "in")));
        LayerFacts conv = LayerFacts.of(broken, ShapeInference.infer(broken), "conv").orElseThrow();
        assertTrue(conv.problem().isPresent() && !conv.toDo(), "a convolution fed a vector: its own error");
        LayerFacts after = LayerFacts.of(broken, ShapeInference.infer(broken), "after").orElseThrow();
        assertTrue(after.problem().isPresent() && after.toDo(), "waits for the convolution to be fixed");
        assertTrue(!facts("dense").toDo());
    }

    @Test
    void anInputLayerHasNoInputLines() {
        assertEquals(List.of(), facts("vec").inputs());
        assertEquals("4", facts("vec").output());
    }

    @Test
    void unknownNodeHasNoFacts() {
        assertTrue(LayerFacts.of(graph, ShapeInference.infer(graph), "nope").isEmpty());
    }
}
