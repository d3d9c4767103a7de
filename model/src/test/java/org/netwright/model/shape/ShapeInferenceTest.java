package org.netwright.model.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.model.SampleGraphs.node;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.SampleGraphs;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

class ShapeInferenceTest {
    private static Shape out(GraphShapes shapes, String id) {
        NodeReport r = shapes.report(id);
        assertTrue(r.isOk(), id + ": " + r.problem().orElse(""));
        return r.outputs().get("out");
    }

    /** input → layer, for checking one layer's rule. */
    private static GraphShapes single(Node input, Node layer) {
        return ShapeInference.infer(Graph.of(List.of(input, layer), List.of(Edge.of(input.id(), "out", layer.id(), "in"))));
    }

    private static Node image(int c, int h, int w) {
        return node("input", "image_input", Map.of("channels", c, "height", h, "width", w));
    }

    private static Node vector(int features) {
        return node("input", "vector_input", Map.of("features", features));
    }

    @Test
    void leNetChainHasTheTextbookShapesAndParameterCounts() {
        GraphShapes s = ShapeInference.infer(SampleGraphs.lenet());
        assertTrue(s.isValid(), s.problems().toString());
        assertEquals(Shape.of(3, 32, 32), out(s, "input"));
        assertEquals(Shape.of(16, 32, 32), out(s, "conv1"));
        assertEquals(1_216, s.report("conv1").params()); // 5·5·3·16 weights + 16 biases
        assertEquals(Shape.of(16, 16, 16), out(s, "pool1"));
        assertEquals(Shape.of(32, 12, 12), out(s, "conv2"));
        assertEquals(12_832, s.report("conv2").params()); // 5·5·16·32 + 32
        assertEquals(Shape.of(32, 6, 6), out(s, "pool2"));
        assertEquals(Shape.of(1_152), out(s, "flatten"));
        assertEquals(Shape.of(120), out(s, "fc1"));
        assertEquals(138_360, s.report("fc1").params()); // 1152·120 + 120
        assertEquals(Shape.of(10), out(s, "fc2"));
        assertEquals(1_210, s.report("fc2").params());
        assertEquals(1_216 + 12_832 + 138_360 + 1_210, s.totalParams());
        assertEquals(0, s.report("pool1").params());
    }

    @ParameterizedTest(name = "dense {1} units on {0} features, bias {2}: {3} params")
    @CsvSource({"784, 256, true, 200960", "784, 256, false, 200704", "2, 1, true, 3"})
    void denseHasFeaturesTimesUnitsWeightsPlusOneBiasPerUnit(int features, int units, boolean bias, long params) {
        GraphShapes s = single(vector(features), node("fc", "dense", Map.of("units", units, "bias", bias)));
        assertEquals(Shape.of(units), out(s, "fc"));
        assertEquals(params, s.report("fc").params());
    }

    @ParameterizedTest(name = "max pool {3}×{3} stride {4} on {0}×{1}×{2} gives {5}×{6}")
    @CsvSource({"16, 28, 28, 2, 2, 14, 14", "8, 15, 9, 2, 2, 7, 4", "1, 6, 6, 3, 1, 4, 4"})
    void maxPoolShrinksHeightAndWidthAndKeepsChannels(int c, int h, int w, int k, int stride, int oh, int ow) {
        GraphShapes s = single(image(c, h, w), node("pool", "max_pool2d", Map.of("kernel", k, "stride", stride)));
        assertEquals(Shape.of(c, oh, ow), out(s, "pool"));
        assertEquals(0, s.report("pool").params());
    }

    @ParameterizedTest(name = "conv {1}×{1} stride {2} padding {3} on 28×28 gives {4}×{4}")
    @CsvSource({
        "8, 3, 1, valid, 26",
        "8, 3, 1, same, 28",
        "8, 5, 1, valid, 24",
        "8, 5, 1, same, 28",
        "8, 3, 2, valid, 13",
        "8, 3, 2, same, 14"})
    void validPaddingShrinksAndSamePaddingKeepsTheSize(int filters, int k, int stride, String padding, int size) {
        GraphShapes s = single(image(1, 28, 28),
                node("conv", "conv2d", Map.of("filters", filters, "kernel", k, "stride", stride, "padding", padding)));
        assertEquals(Shape.of(filters, size, size), out(s, "conv"));
    }

    @Test
    void samePaddingWithAnEvenKernelIsAProblemNotACrash() {
        GraphShapes s = single(image(1, 28, 28), node("conv", "conv2d", Map.of("kernel", 4, "padding", "same")));
        String problem = s.report("conv").problem().orElseThrow();
        assertTrue(problem.contains("odd kernel"), problem);
    }

    @Test
    void conv2dFedAVectorIsDiagnosedNamingTheNodeTheImageItExpectsAndTheVectorThatArrived() {
        GraphShapes s = single(vector(64), node("conv_7", "conv2d", Map.of()));
        assertFalse(s.isValid());
        String problem = s.report("conv_7").problem().orElseThrow();
        assertTrue(problem.startsWith("conv_7 (Conv2d)"), problem);
        assertTrue(problem.contains("expects an image shaped C×H×W"), problem);
        assertTrue(problem.contains("a vector of 64"), problem);
        assertEquals(List.of(problem), s.problems());
    }

    @Test
    void addOfTwoDifferentShapesNamesBothShapes() {
        Graph g = Graph.of(
                List.of(vector(8), node("a", "dense", Map.of("units", 4)), node("b", "dense", Map.of("units", 5)),
                        node("sum", "add", Map.of())),
                List.of(Edge.of("input", "out", "a", "in"), Edge.of("input", "out", "b", "in"),
                        Edge.of("a", "out", "sum", "in1"), Edge.of("b", "out", "sum", "in2")));
        String problem = ShapeInference.infer(g).report("sum").problem().orElseThrow();
        assertTrue(problem.startsWith("sum (Add)"), problem);
        assertTrue(problem.contains("in1 is 4 and in2 is 5"), problem);
    }

    @Test
    void addOfEqualShapesKeepsTheShape() {
        Graph g = Graph.of(
                List.of(vector(8), node("a", "dense", Map.of("units", 4)), node("sum", "add", Map.of())),
                List.of(Edge.of("input", "out", "a", "in"), Edge.of("a", "out", "sum", "in1"),
                        Edge.of("a", "out", "sum", "in2")));
        assertEquals(Shape.of(4), out(ShapeInference.infer(g), "sum"));
    }

    @Test
    void anUnconnectedInputIsReportedOnItsNode() {
        Graph g = Graph.of(List.of(vector(3), node("fc", "dense", Map.of())), List.of());
        String problem = ShapeInference.infer(g).report("fc").problem().orElseThrow();
        assertEquals("fc (Dense): input 'in' is not connected", problem);
    }

    @Test
    void nodesDownstreamOfAProblemAreBlockedAndNotCountedAsCauses() {
        Graph g = Graph.of(
                List.of(vector(64), node("conv", "conv2d", Map.of()), node("act", "relu", Map.of()),
                        node("fc", "dense", Map.of())),
                List.of(Edge.of("input", "out", "conv", "in"), Edge.of("conv", "out", "act", "in"),
                        Edge.of("act", "out", "fc", "in")));
        GraphShapes s = ShapeInference.infer(g);
        assertTrue(s.report("act").blocked());
        assertTrue(s.report("act").problem().orElseThrow().contains("waiting for a valid input from conv"));
        assertTrue(s.report("fc").blocked());
        assertFalse(s.report("conv").blocked());
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("conv "), s.problems().toString());
    }

    @Test
    void anUnknownLayerTypeIsReportedNotThrown() {
        Graph g = Graph.of(List.of(node("x", "quantum_layer", Map.of())), List.of());
        assertEquals("x: unknown layer type 'quantum_layer'", ShapeInference.infer(g).report("x").problem().orElseThrow());
    }

    @Test
    void concatenateJoinsChannelsOfImages() {
        Graph g = Graph.of(
                List.of(image(3, 8, 8), node("a", "conv2d", Map.of("filters", 4)), node("b", "conv2d", Map.of("filters", 6)),
                        node("cat", "concatenate", Map.of())),
                List.of(Edge.of("input", "out", "a", "in"), Edge.of("input", "out", "b", "in"),
                        Edge.of("a", "out", "cat", "in1"), Edge.of("b", "out", "cat", "in2")));
        assertEquals(Shape.of(10, 8, 8), out(ShapeInference.infer(g), "cat"));
    }
}
