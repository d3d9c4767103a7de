package org.netwright.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.model.SampleGraphs.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/** Shapes, PyTorch parameter counts and wiring diagnoses of the graph and generative layers. */
class GraphLayersTest {
    private static final Node GRAPH = node("g", "graph_input", Map.of("nodes", 34, "features", 34));

    /** graph_input → layer on both ports. */
    private static GraphShapes onGraph(String type, Map<String, Object> params) {
        return ShapeInference.infer(Graph.of(List.of(GRAPH, node("layer", type, params)),
                List.of(Edge.of("g", "features", "layer", "features"), Edge.of("g", "adjacency", "layer", "adjacency"))));
    }

    private static NodeReport ok(GraphShapes s, String id) {
        NodeReport r = s.report(id);
        assertTrue(r.isOk(), r.problem().orElse(""));
        return r;
    }

    @Test
    void graphInputHasFeaturesAndSquareAdjacency() {
        NodeReport r = ok(ShapeInference.infer(Graph.of(List.of(GRAPH), List.of())), "g");
        assertEquals(Map.of("features", Shape.of(34, 34), "adjacency", Shape.of(34, 34)), r.outputs());
    }

    // PyTorch Geometric: GCNConv(34, 16) = 34·16 weights + 16 biases.
    @ParameterizedTest(name = "gcn {0} units, bias {1}: {2} params")
    @CsvSource({"16, true, 560", "16, false, 544", "2, true, 70"})
    void gcnCountsLikeGcnConv(int units, boolean bias, long params) {
        NodeReport r = ok(onGraph("gcn", Map.of("units", units, "bias", bias)), "layer");
        assertEquals(Shape.of(34, units), r.outputs().get("out"));
        assertEquals(params, r.params());
        assertEquals(34L * 34 * units + 34L * 34 * units, r.macs());
    }

    // PyTorch Geometric GATConv(34, 8, heads=8): lin 34·64 + att_src 64 + att_dst 64 + bias 64 (concat) or 8 (mean).
    @ParameterizedTest(name = "gat {0}×{1} {2}: width {3}, {4} params")
    @CsvSource({"8, 8, concat, 64, 2368", "8, 8, mean, 8, 2312", "4, 1, concat, 4, 148"})
    void gatCountsLikeGatConv(int units, int heads, String combine, int width, long params) {
        NodeReport r = ok(onGraph("gat", Map.of("units", units, "heads", heads, "combine", combine)), "layer");
        assertEquals(Shape.of(34, width), r.outputs().get("out"));
        assertEquals(params, r.params());
    }

    @Test
    void messagePassingHasTwoLinearMapsAndOneBias() {
        NodeReport r = ok(onGraph("message_passing", Map.of("units", 16, "aggregation", "max")), "layer");
        assertEquals(Shape.of(34, 16), r.outputs().get("out"));
        assertEquals(2 * 34 * 16 + 16, r.params());
    }

    @Test
    void readoutPoolsNodesIntoOneVector() {
        GraphShapes s = ShapeInference.infer(Graph.of(List.of(GRAPH, node("gcn", "gcn", Map.of("units", 8)),
                        node("pool", "graph_readout", Map.of("mode", "sum"))),
                List.of(Edge.of("g", "features", "gcn", "features"), Edge.of("g", "adjacency", "gcn", "adjacency"),
                        Edge.of("gcn", "out", "pool", "features"))));
        assertEquals(Shape.of(8), ok(s, "pool").outputs().get("out"));
        assertEquals(0, s.report("pool").params());
    }

    @Test
    void maskedReadoutTakesTheGraphInputsNodeMask() {
        Node masked = node("m", "graph_input", Map.of("nodes", 20, "features", 1, "mask", true));
        GraphShapes s = ShapeInference.infer(Graph.of(List.of(masked, node("gcn", "gcn", Map.of("units", 8)),
                        node("pool", "graph_readout", Map.of("mode", "max", "masked", true))),
                List.of(Edge.of("m", "features", "gcn", "features"), Edge.of("m", "adjacency", "gcn", "adjacency"),
                        Edge.of("gcn", "out", "pool", "features"), Edge.of("m", "mask", "pool", "mask"))));
        assertEquals(Map.of("features", Shape.of(20, 1), "adjacency", Shape.of(20, 20), "mask", Shape.of(20)),
                ok(s, "m").outputs());
        assertEquals(Shape.of(8), ok(s, "pool").outputs().get("out"));
    }

    @Test
    void maskedReadoutWithoutAMaskOrWithAWrongOneIsDiagnosed() {
        Node masked = node("m", "graph_input", Map.of("nodes", 20, "features", 1, "mask", true));
        GraphShapes unwired = ShapeInference.infer(Graph.of(List.of(masked,
                        node("pool", "graph_readout", Map.of("masked", true))),
                List.of(Edge.of("m", "features", "pool", "features"))));
        assertEquals("pool (Graph readout): input 'mask' is not connected", unwired.report("pool").problem().orElseThrow());
        Node other = node("o", "graph_input", Map.of("nodes", 12, "features", 1, "mask", true));
        GraphShapes wrong = ShapeInference.infer(Graph.of(List.of(masked, other,
                        node("pool", "graph_readout", Map.of("masked", true))),
                List.of(Edge.of("m", "features", "pool", "features"), Edge.of("o", "mask", "pool", "mask"))));
        assertTrue(wrong.report("pool").problem().orElseThrow().contains("expects a node mask of 20 on 'mask'"),
                wrong.problems().toString());
    }

    @Test
    void gcnFedAnAdjacencyOfAnotherSizeSaysWhatItExpected() {
        Node small = node("h", "graph_input", Map.of("nodes", 10, "features", 3));
        GraphShapes s = ShapeInference.infer(Graph.of(List.of(GRAPH, small, node("layer", "gcn", Map.of())),
                List.of(Edge.of("g", "features", "layer", "features"), Edge.of("h", "adjacency", "layer", "adjacency"))));
        String problem = s.report("layer").problem().orElseThrow();
        assertEquals("layer (GCN layer) expects an adjacency 34×34 to match its 34 nodes of features 34×34, but got "
                + "an adjacency 10×10", problem);
    }

    @Test
    void gcnFedAVectorAsAdjacencyIsDiagnosed() {
        GraphShapes s = ShapeInference.infer(Graph.of(List.of(GRAPH, node("v", "vector_input", Map.of("features", 34)),
                        node("layer", "gcn", Map.of())),
                List.of(Edge.of("g", "features", "layer", "features"), Edge.of("v", "out", "layer", "adjacency"))));
        assertTrue(s.report("layer").problem().orElseThrow().contains("expects a square adjacency N×N"),
                s.problems().toString());
    }

    @Test
    void gcnWithoutAGraphInputNamesTheMissingPort() {
        // Node features from a plain sequence input and no adjacency at all.
        GraphShapes s = ShapeInference.infer(Graph.of(List.of(node("seq", "vector_input", Map.of("features", 5)),
                        node("layer", "gcn", Map.of())),
                List.of(Edge.of("seq", "out", "layer", "features"))));
        assertFalse(s.isValid());
        assertEquals("layer (GCN layer): input 'adjacency' is not connected", s.report("layer").problem().orElseThrow());
    }

    @Test
    void gcnFedAnImageAsFeaturesSaysItWantsNodeFeatures() {
        GraphShapes s = ShapeInference.infer(Graph.of(List.of(GRAPH,
                        node("img", "image_input", Map.of("channels", 3, "height", 8, "width", 8)), node("layer", "gcn", Map.of())),
                List.of(Edge.of("img", "out", "layer", "features"), Edge.of("g", "adjacency", "layer", "adjacency"))));
        assertEquals("layer (GCN layer) expects node features N×F on 'features' (from a graph input or another graph "
                + "layer), but got an image 3×8×8", s.report("layer").problem().orElseThrow());
    }

    @Test
    void samplingKeepsTheLatentShapeAndHasNoParameters() {
        List<Node> nodes = new ArrayList<>(List.of(node("mu", "vector_input", Map.of("features", 8)),
                node("lv", "vector_input", Map.of("features", 8)), node("z", "sampling", Map.of())));
        GraphShapes s = ShapeInference.infer(Graph.of(nodes,
                List.of(Edge.of("mu", "out", "z", "mu"), Edge.of("lv", "out", "z", "log_var"))));
        NodeReport r = ok(s, "z");
        assertEquals(Shape.of(8), r.outputs().get("out"));
        assertEquals(0, r.params());
    }

    @Test
    void samplingOfTwoSizesSaysBoth() {
        GraphShapes s = ShapeInference.infer(Graph.of(List.of(node("mu", "vector_input", Map.of("features", 8)),
                        node("lv", "vector_input", Map.of("features", 4)), node("z", "sampling", Map.of())),
                List.of(Edge.of("mu", "out", "z", "mu"), Edge.of("lv", "out", "z", "log_var"))));
        assertEquals("z (Sampling (VAE)) expects mu and log_var of one shape, but mu is a vector of 8 and log_var is "
                + "a vector of 4", s.report("z").problem().orElseThrow());
    }
}
