package org.netwright.editor.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.ShapeInference;

class ConvFormulaTest {
    private static GraphShapes infer(Graph g) {
        return ShapeInference.infer(g);
    }

    @ParameterizedTest(name = "conv2d {0}x{1}x{2} k{3} s{4} {5} pad{6} d{7} bias {8}")
    @CsvSource({
            "3, 32, 32, 3, 1, same, 0, 1, true",
            "1, 28, 28, 5, 2, valid, 0, 1, true",
            "8, 17, 23, 3, 3, explicit, 2, 2, false",
            "3, 9, 9, 1, 1, same, 0, 1, true",
            "4, 40, 30, 7, 2, same, 0, 1, false"
    })
    void conv2dNumbersMatchShapeInference(int c, int h, int w, int k, int s, String padding, int pad, int d,
                                          boolean bias) {
        Graph g = Graph.of(List.of(
                        new Node("img", "image_input", Map.of("channels", c, "height", h, "width", w), 0, 0),
                        new Node("conv", "conv2d", Map.of("filters", 6, "kernel", k, "stride", s, "padding", padding,
                                "pad", pad, "dilation", d, "bias", bias), 0, 0)),
                List.of(Edge.of("img", "out", "conv", "in")));
        GraphShapes shapes = infer(g);
        NodeReport report = shapes.report("conv");
        assertTrue(report.isOk(), report.toString());

        ConvFormula formula = LayerFacts.of(g, shapes, "conv").orElseThrow().formula().orElseThrow();

        assertEquals(report.outputs().get("out").dim(1), formula.outHeight());
        assertEquals(report.outputs().get("out").dim(2), formula.outWidth());
        assertEquals(report.params(), formula.params());
    }

    @ParameterizedTest(name = "max_pool2d {0}x{1} k{2} s{3} pad{4}")
    @CsvSource({"28, 28, 2, 2, 0", "15, 20, 3, 2, 1", "7, 7, 3, 1, 1"})
    void maxPoolNumbersMatchShapeInference(int h, int w, int k, int s, int pad) {
        Graph g = Graph.of(List.of(
                        new Node("img", "image_input", Map.of("channels", 4, "height", h, "width", w), 0, 0),
                        new Node("pool", "max_pool2d", Map.of("kernel", k, "stride", s, "pad", pad), 0, 0)),
                List.of(Edge.of("img", "out", "pool", "in")));
        GraphShapes shapes = infer(g);
        NodeReport report = shapes.report("pool");

        ConvFormula formula = LayerFacts.of(g, shapes, "pool").orElseThrow().formula().orElseThrow();

        assertEquals(report.outputs().get("out").dim(1), formula.outHeight());
        assertEquals(report.outputs().get("out").dim(2), formula.outWidth());
        assertEquals(0, formula.params());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "conv1d; filters=5,kernel=3,stride=2,padding=valid; 4,31",
            "conv1d; filters=2,kernel=5,padding=same,dilation=2,bias=false; 3,20",
            "max_pool1d; kernel=3,stride=2,pad=1; 4,17",
            "avg_pool1d; kernel=2,stride=2; 4,16",
            "avg_pool2d; kernel=3,stride=2,pad=1; 4,15,20",
            "conv_transpose2d; filters=6,kernel=4,stride=2,pad=1; 3,7,7",
            "conv_transpose2d; filters=2,kernel=3,stride=3,pad=0,output_padding=1,bias=false; 3,5,8"
    })
    void otherWindowedLayersMatchShapeInference(String type, String params, String inputDims) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (String kv : params.split(",")) {
            String[] pair = kv.split("=");
            values.put(pair[0], pair[1].matches("-?\\d+") ? (Object) Integer.parseInt(pair[1])
                    : pair[1].equals("true") || pair[1].equals("false") ? (Object) Boolean.parseBoolean(pair[1]) : pair[1]);
        }
        int[] dims = java.util.Arrays.stream(inputDims.split(",")).mapToInt(Integer::parseInt).toArray();
        Node input = dims.length == 3
                ? new Node("x", "image_input", Map.of("channels", dims[0], "height", dims[1], "width", dims[2]), 0, 0)
                : new Node("x", "sequence_input", Map.of("steps", dims[0], "features", dims[1]), 0, 0);
        Graph g = Graph.of(List.of(input, new Node("layer", type, values, 0, 0)),
                List.of(Edge.of("x", "out", "layer", "in")));
        GraphShapes shapes = infer(g);
        NodeReport report = shapes.report("layer");
        assertTrue(report.isOk(), report.toString());

        ConvFormula formula = LayerFacts.of(g, shapes, "layer").orElseThrow().formula().orElseThrow();

        org.netwright.model.shape.Shape out = report.outputs().get("out");
        assertEquals(out.dim(1), formula.outHeight());
        assertEquals(out.rank() == 3 ? out.dim(2) : 1, formula.outWidth());
        assertEquals(report.params(), formula.params());
    }

    @org.junit.jupiter.api.Test
    void writesTheRuleWithTheNumbersFilledIn() {
        Graph g = Graph.of(List.of(
                        new Node("img", "image_input", Map.of("channels", 1, "height", 28, "width", 28), 0, 0),
                        new Node("conv", "conv2d", Map.of(), 0, 0)),
                List.of(Edge.of("img", "out", "conv", "in")));

        List<String> lines = LayerFacts.of(g, infer(g), "conv").orElseThrow().formula().orElseThrow().lines();

        assertEquals(List.of(
                "out = floor((in + 2·pad − dilation·(kernel−1) − 1) / stride) + 1",
                "",
                "height = floor((28 + 2·1 − 1·(3−1) − 1) / 1) + 1",
                "= 28",
                "width = height = 28",
                "",
                "params = kernel·kernel·in_channels·filters + filters",
                "= 3·3·1·16 + 16 = 160"), lines);
    }

    @org.junit.jupiter.api.Test
    void noFormulaForOtherLayersOrBrokenInputs() {
        Graph g = Graph.of(List.of(
                        new Node("vec", "vector_input", Map.of(), 0, 0),
                        new Node("conv", "conv2d", Map.of(), 0, 0),
                        new Node("dense", "dense", Map.of(), 0, 0)),
                List.of(Edge.of("vec", "out", "conv", "in"), Edge.of("vec", "out", "dense", "in")));
        GraphShapes shapes = infer(g);

        assertTrue(LayerFacts.of(g, shapes, "conv").orElseThrow().formula().isEmpty());
        assertTrue(LayerFacts.of(g, shapes, "dense").orElseThrow().formula().isEmpty());
    }
}
